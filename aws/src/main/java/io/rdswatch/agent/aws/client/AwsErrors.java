package io.rdswatch.agent.aws.client;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies and describes SDK failures for logs, metrics and `check`. Descriptions carry AWS's
 * error code and message, or an I/O cause; never a response body, which for Secrets Manager could
 * hold a secret.
 */
public final class AwsErrors {

  /** How a failed call should be handled; {@link #label()} is the metric label value. */
  public enum Kind {
    THROTTLED("throttled", true),
    SERVER_ERROR("server_error", true),
    NETWORK_ERROR("network_error", true),
    /** Credentials expired, missing or not allowed: retrying now will not help, later might. */
    AUTH_ERROR("auth_error", false),
    /** The request itself is bad: it will never succeed. */
    CLIENT_ERROR("client_error", false);

    private final String label;
    private final boolean retryable;

    Kind(String label, boolean retryable) {
      this.label = label;
      this.retryable = retryable;
    }

    public String label() {
      return label;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private AwsErrors() {}

  public static Kind classify(SdkException e) {
    if (e instanceof AwsServiceException s) {
      if (s.isThrottlingException()) {
        return Kind.THROTTLED;
      }
      if (s.statusCode() >= 500) {
        return Kind.SERVER_ERROR;
      }
      String code =
          s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
      if (s.statusCode() == 401 || s.statusCode() == 403 || isAuthCode(code)) {
        return Kind.AUTH_ERROR;
      }
      return Kind.CLIENT_ERROR;
    }
    // Credential resolution failures surface as client exceptions too, before any request is sent.
    return rootCause(e) instanceof IOException ? Kind.NETWORK_ERROR : Kind.AUTH_ERROR;
  }

  private static boolean isAuthCode(String code) {
    return code.startsWith("AccessDenied")
        || code.equals("UnrecognizedClientException")
        || code.equals("InvalidClientTokenId")
        || code.equals("ExpiredToken")
        || code.equals("ExpiredTokenException")
        || code.equals("SignatureDoesNotMatch");
  }

  /**
   * "Throttling (HTTP 400): Rate exceeded", or "Connection refused", or an exception class name.
   */
  public static String describe(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      var d = s.awsErrorDetails();
      String message = d.errorMessage() == null ? "" : ": " + d.errorMessage();
      return d.errorCode() + " (HTTP " + s.statusCode() + ")" + message;
    }
    Throwable root = rootCause(e);
    if (root instanceof IOException && root.getMessage() != null) {
      return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    // Client-side messages (credentials chain, unmarshalling) are kept only when they are ours to
    // trust: the SDK's credential errors explain the chain, unmarshalling errors may quote bodies.
    return e.getClass().getSimpleName() + (isCredentialsProblem(e) ? ": " + e.getMessage() : "");
  }

  private static boolean isCredentialsProblem(SdkException e) {
    String m = e.getMessage();
    return m != null && m.startsWith("Unable to load credentials");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
