package io.rdswatch.simulator.tds;

/** Wire constants of TDS 7.4 ([MS-TDS] 2.2.3.1 packet header, 2.2.7 tokens). */
final class Tds {
  private Tds() {}

  /** Every packet we send is at most this long; announced in the login ENVCHANGE as well. */
  static final int PACKET_SIZE = 4096;

  static final int HEADER_LENGTH = 8;

  // packet types
  static final int PKT_SQL_BATCH = 0x01;
  static final int PKT_RPC = 0x03;
  static final int PKT_REPLY = 0x04;
  static final int PKT_ATTENTION = 0x06;
  static final int PKT_LOGIN7 = 0x10;
  static final int PKT_PRELOGIN = 0x12;

  // PRELOGIN ENCRYPTION option values ([MS-TDS] 2.2.6.5)
  static final int ENCRYPT_OFF = 0x00;
  static final int ENCRYPT_ON = 0x01;
  static final int ENCRYPT_NOT_SUP = 0x02;
  static final int ENCRYPT_REQ = 0x03;

  // packet status bits
  static final int STATUS_EOM = 0x01;

  // TDS versions as LOGIN7 carries them (little-endian DWORD read as int)
  static final int TDS_7_2 = 0x72090002;
  static final int TDS_7_4 = 0x74000004;

  // tokens
  static final int TOKEN_RETURNSTATUS = 0x79;
  static final int TOKEN_COLMETADATA = 0x81;
  static final int TOKEN_ERROR = 0xAA;
  static final int TOKEN_INFO = 0xAB;
  static final int TOKEN_RETURNVALUE = 0xAC;
  static final int TOKEN_LOGINACK = 0xAD;
  static final int TOKEN_ROW = 0xD1;
  static final int TOKEN_ENVCHANGE = 0xE3;
  static final int TOKEN_DONE = 0xFD;
  static final int TOKEN_DONEPROC = 0xFE;
  static final int TOKEN_DONEINPROC = 0xFF;

  // DONE status bits
  static final int DONE_FINAL = 0x00;
  static final int DONE_MORE = 0x01;
  static final int DONE_ERROR = 0x02;
  static final int DONE_COUNT = 0x10;
  static final int DONE_ATTN = 0x20;

  // DONE CurCmd values; the driver treats UPDATE counts as update counts and SELECT counts as rows
  static final int CMD_NONE = 0x00;
  static final int CMD_SELECT = 0xC1;
  static final int CMD_UPDATE = 0xC5;
  static final int CMD_EXECUTE = 0xE0;

  /** SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, flags 0xD0, sort id 52. */
  static final byte[] COLLATION = {0x09, 0x04, (byte) 0xD0, 0x00, 0x34};

  /** What the LOGINACK and PRELOGIN report: SQL Server 2022, as RDS runs it. */
  static final int SERVER_MAJOR = 16;

  static final int SERVER_MINOR = 0;
  static final int SERVER_BUILD = 4195; // the build @@VERSION names (SQL Server 2022 CU19)
  static final String PROGRAM_NAME = "Microsoft SQL Server";

  /** Shown by clients as the origin of ERROR/INFO messages. */
  static final String SERVER_NAME = "rdswatch-simulator";
}
