package io.rdswatch.simulator.tds;

import java.util.HexFormat;

/** Hex strings for golden-byte tests; spaces are ignored. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", "").replace("\n", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }

  /** UTF-16LE hex of ASCII text, for building expected token bytes readably. */
  static String utf16(String ascii) {
    StringBuilder sb = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      sb.append(String.format("%02X00", (int) c));
    }
    return sb.toString();
  }
}
