package network.icn.agent.client;

import java.util.Objects;

/** An agent failure with its {@link AgentError} code and a message an operator can act on. */
public final class AgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AgentError error;

  public AgentException(AgentError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public AgentException(AgentError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public AgentError error() {
    return error;
  }
}
