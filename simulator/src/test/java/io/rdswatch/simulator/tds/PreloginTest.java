package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The PRELOGIN reply, byte for byte: the drivers are strict about it. */
class PreloginTest {

  @Test
  void replyPayloadHasVersionEncryptionNotSupportedInstoptThreadidAndMars() {
    String expected =
        // option table: token, BE offset from payload start, BE length
        "00 001A 0006" // VERSION at 26, 6 bytes
            + "01 0020 0001" // ENCRYPTION at 32
            + "02 0021 0001" // INSTOPT at 33
            + "03 0022 0000" // THREADID, empty
            + "04 0022 0001" // MARS at 34
            + "FF"
            + "10 00 1063 0000" // 16.0.4195.0, build big-endian
            + "02" // ENCRYPT_NOT_SUP
            + "00" // INSTOPT: instance name matches
            + "00"; // MARS off
    assertThat(Hex.of(Prelogin.reply(Tds.ENCRYPT_NOT_SUP).toByteArray()))
        .isEqualTo(Hex.of(Hex.bytes(expected)));
  }

  @Test
  void replyIsOneReplyPacketWithEomAndAStableSpid() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    new PacketWriter(wire, 51).writeMessage(Prelogin.reply(Tds.ENCRYPT_NOT_SUP));
    byte[] packet = wire.toByteArray();
    assertThat(packet).hasSize(8 + 35);
    assertThat(Hex.of(java.util.Arrays.copyOf(packet, 8))).isEqualTo("04 01 00 2B 00 33 01 00");
  }

  @Test
  void readsTheClientsEncryptionOption() {
    byte[] jdbc = Hex.bytes("00 000B 0006 01 0011 0001 FF 0C00 0000 0000 00");
    assertThat(Prelogin.requestedEncryption(jdbc)).isZero();
    assertThat(Prelogin.requestedEncryption(Hex.bytes("FF"))).isEqualTo(-1);
  }
}
