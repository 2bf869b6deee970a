package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies are split into packets of at most 4096 bytes; only the last one has EOM. */
class PacketWriterTest {
  static final int SPID = 0x1234;

  @Test
  void exactlyOneFullPacketWhenThePayloadFillsIt() throws Exception {
    List<byte[]> packets = packets(payload(4096 - 8));
    assertThat(packets).hasSize(1);
    assertHeader(packets.get(0), 4096, true, 1);
  }

  @Test
  void oneByteMoreSpillsIntoASecondPacket() throws Exception {
    List<byte[]> packets = packets(payload(4096 - 8 + 1));
    assertThat(packets).hasSize(2);
    assertHeader(packets.get(0), 4096, false, 1);
    assertHeader(packets.get(1), 9, true, 2);
  }

  @Test
  void largeMessagesUseFullPacketsAndKeepTheBytesInOrder() throws Exception {
    byte[] data = payload(20_000);
    List<byte[]> packets = packets(data);
    assertThat(packets).hasSize(5); // 4 x 4088 + 3648
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < packets.size(); i++) {
      byte[] p = packets.get(i);
      boolean last = i == packets.size() - 1;
      assertHeader(p, last ? 20_000 - 4 * 4088 + 8 : 4096, last, i + 1);
      joined.write(p, 8, p.length - 8);
    }
    assertThat(joined.toByteArray()).isEqualTo(data);
  }

  @Test
  void anEmptyMessageIsOneHeaderOnlyPacket() throws Exception {
    List<byte[]> packets = packets(new byte[0]);
    assertThat(packets).hasSize(1);
    assertHeader(packets.get(0), 8, true, 1);
  }

  @Test
  void aPartialMessageHasNoEom() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    new PacketWriter(wire, SPID).writePartial(payload(5000), 5000);
    List<byte[]> packets = split(wire.toByteArray());
    assertThat(packets).hasSize(2);
    assertThat(packets).allSatisfy(p -> assertThat(p[1]).isZero());
  }

  @Test
  void readerReassemblesMultiPacketRequestsAndSeesAttention() throws Exception {
    byte[] sql = RawClient.batch("SELECT '" + "y".repeat(5000) + "'");
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    int off = 0;
    while (off < sql.length) { // 512-byte packets, as a client with a small packet size sends
      int chunk = Math.min(504, sql.length - off);
      boolean last = off + chunk == sql.length;
      wire.write(
          new byte[] {
            1, (byte) (last ? 1 : 0), (byte) ((chunk + 8) >>> 8), (byte) (chunk + 8), 0, 0, 1, 0
          });
      wire.write(sql, off, chunk);
      off += chunk;
    }
    wire.write(new byte[] {6, 1, 0, 8, 0, 0, 1, 0});
    PacketReader reader = new PacketReader(new ByteArrayInputStream(wire.toByteArray()));
    TdsMessage batch = reader.readMessage();
    assertThat(batch.type()).isEqualTo(Tds.PKT_SQL_BATCH);
    assertThat(AllHeaders.batchText(batch.payload()))
        .isEqualTo("SELECT '" + "y".repeat(5000) + "'");
    assertThat(reader.readMessage().type()).isEqualTo(Tds.PKT_ATTENTION);
    assertThat(reader.readMessage()).isNull();
  }

  private static void assertHeader(byte[] packet, int length, boolean eom, int packetId) {
    assertThat(packet).hasSize(length);
    assertThat(packet[0]).as("type").isEqualTo((byte) 0x04);
    assertThat(packet[1]).as("status").isEqualTo((byte) (eom ? 1 : 0));
    assertThat((packet[2] & 0xFF) << 8 | (packet[3] & 0xFF))
        .as("big-endian length")
        .isEqualTo(length);
    assertThat((packet[4] & 0xFF) << 8 | (packet[5] & 0xFF)).as("spid").isEqualTo(SPID);
    assertThat(packet[6] & 0xFF).as("packet id").isEqualTo(packetId);
    assertThat(packet[7]).as("window").isZero();
  }

  private static byte[] payload(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  private static List<byte[]> packets(byte[] data) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    new PacketWriter(wire, SPID).writeMessage(data, data.length);
    return split(wire.toByteArray());
  }

  private static List<byte[]> split(byte[] wire) {
    List<byte[]> out = new ArrayList<>();
    for (int off = 0; off < wire.length; ) {
      int len = (wire[off + 2] & 0xFF) << 8 | (wire[off + 3] & 0xFF);
      out.add(Arrays.copyOfRange(wire, off, off + len));
      off += len;
    }
    return out;
  }
}
