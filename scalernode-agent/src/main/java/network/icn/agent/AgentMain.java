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
    // SIGTERM/SIGINT: stop accepting, drain in-flight requests, flush the index, exit 0.
    CountDownLatch stopRequested = new CountDownLatch(1);
    for (String name : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
    }
    stopRequested.await();
    boolean clean = agent.stop();
    System.out.println(clean ? "stopped" : "stopped (some requests were cut off at the deadline)");
    System.out.flush();
    System.exit(0);
  }
}
