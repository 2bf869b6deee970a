package io.rdswatch.agent.cli;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("rdswatch: not yet");
    System.exit(2);
  }
}
