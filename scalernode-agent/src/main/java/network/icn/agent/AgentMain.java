package network.icn.agent;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The {@code scalernode-agent} process: parse the configuration, start, stop on SIGTERM. */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(AgentConfig.help());
      return;
    }
    AgentConfig config;
    try {
      config = AgentConfig.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("scalernode-agent: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    RunningAgent agent = RunningAgent.start(config, Clock.systemUTC(), Optional.empty());
    if (agent.keyCreated()) {
      System.out.println("created node key " + config.keyFile() + " (keep it safe, mode 0600)");
    }
    System.out.println("node id " + agent.nodeId());
    System.out.println("listening on " + agent.address());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.stop();
                  System.out.println("stopped");
                  System.out.flush();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
