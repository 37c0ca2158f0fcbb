package network.icn.agent.registration;

/** Talks to placement on the node's behalf. Failures are runtime exceptions; the loop retries. */
public interface Registrar {
  void register();

  void heartbeat();
}
