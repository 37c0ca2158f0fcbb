package network.icn.gateway.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a test main in a child JVM on the test classpath (with the project's JVM flags). The
 * caller kills it by PID in a finally block ({@link #kill}); stderr goes to a file so a chatty
 * child never blocks on a full pipe.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(
      Class<?> main, List<String> jvmFlags, List<String> args, Path stderrFile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules=jdk.incubator.vector");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectError(stderrFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  /** SIGKILL by PID (children too), then waits for it to be gone. */
  public static void kill(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    ProcessHandle handle = process.toHandle();
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    process.waitFor();
  }
}
