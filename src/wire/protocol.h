// Constants of the MySQL/MariaDB client/server protocol: capability flags,
// server status flags, command bytes, packet headers, error numbers the wire
// layer itself produces, and the processlist names of commands.
//
// Implements the constant tables of MariaDB's knowledge base "Client/Server
// protocol" (Connection, OK_Packet, COM_* pages) as MariaDB 10.11 speaks it.
// docs/wire_protocol.md says which of these relaydb negotiates.
#pragma once

#include <cstdint>
#include <string_view>

namespace relaydb::wire {

// ---------------------------------------------------------------------------
// Capability flags. The low 32 bits are the MySQL flags; MariaDB's extended
// capabilities occupy bits 32..63 of our 64-bit capability words (they travel
// in the otherwise reserved 4 bytes of the handshake packets, see handshake.h).
// ---------------------------------------------------------------------------
inline constexpr uint64_t kClientLongPassword = 1ull << 0;  // CLIENT_LONG_PASSWORD; MariaDB: CLIENT_MYSQL
inline constexpr uint64_t kClientMysql = kClientLongPassword;  // cleared by MariaDB peers
inline constexpr uint64_t kClientFoundRows = 1ull << 1;        // CLIENT_FOUND_ROWS
inline constexpr uint64_t kClientLongFlag = 1ull << 2;         // CLIENT_LONG_FLAG
inline constexpr uint64_t kClientConnectWithDb = 1ull << 3;    // CLIENT_CONNECT_WITH_DB
inline constexpr uint64_t kClientNoSchema = 1ull << 4;         // CLIENT_NO_SCHEMA
inline constexpr uint64_t kClientCompress = 1ull << 5;         // CLIENT_COMPRESS
inline constexpr uint64_t kClientOdbc = 1ull << 6;             // CLIENT_ODBC
inline constexpr uint64_t kClientLocalFiles = 1ull << 7;       // CLIENT_LOCAL_FILES
inline constexpr uint64_t kClientIgnoreSpace = 1ull << 8;      // CLIENT_IGNORE_SPACE
inline constexpr uint64_t kClientProtocol41 = 1ull << 9;       // CLIENT_PROTOCOL_41
inline constexpr uint64_t kClientInteractive = 1ull << 10;     // CLIENT_INTERACTIVE
inline constexpr uint64_t kClientSsl = 1ull << 11;             // CLIENT_SSL
inline constexpr uint64_t kClientIgnoreSigpipe = 1ull << 12;   // CLIENT_IGNORE_SIGPIPE
inline constexpr uint64_t kClientTransactions = 1ull << 13;    // CLIENT_TRANSACTIONS
inline constexpr uint64_t kClientReserved = 1ull << 14;        // CLIENT_RESERVED
inline constexpr uint64_t kClientSecureConnection = 1ull << 15;  // CLIENT_SECURE_CONNECTION
inline constexpr uint64_t kClientMultiStatements = 1ull << 16;   // CLIENT_MULTI_STATEMENTS
inline constexpr uint64_t kClientMultiResults = 1ull << 17;      // CLIENT_MULTI_RESULTS
inline constexpr uint64_t kClientPsMultiResults = 1ull << 18;    // CLIENT_PS_MULTI_RESULTS
inline constexpr uint64_t kClientPluginAuth = 1ull << 19;        // CLIENT_PLUGIN_AUTH
inline constexpr uint64_t kClientConnectAttrs = 1ull << 20;      // CLIENT_CONNECT_ATTRS
// CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
inline constexpr uint64_t kClientPluginAuthLenencClientData = 1ull << 21;
inline constexpr uint64_t kClientCanHandleExpiredPasswords = 1ull << 22;
inline constexpr uint64_t kClientSessionTrack = 1ull << 23;  // CLIENT_SESSION_TRACK
inline constexpr uint64_t kClientDeprecateEof = 1ull << 24;  // CLIENT_DEPRECATE_EOF
inline constexpr uint64_t kClientOptionalResultsetMetadata = 1ull << 25;  // MySQL 8 only
inline constexpr uint64_t kClientZstdCompression = 1ull << 26;            // MySQL 8 only
inline constexpr uint64_t kClientQueryAttributes = 1ull << 27;            // MySQL 8 only
inline constexpr uint64_t kClientCapabilityExtension = 1ull << 29;
inline constexpr uint64_t kClientSslVerifyServerCert = 1ull << 30;
inline constexpr uint64_t kClientRememberOptions = 1ull << 31;

// MariaDB extended capabilities (MARIADB_CLIENT_*), already shifted to bits 32+.
inline constexpr uint64_t kMariadbClientProgress = 1ull << 32;
inline constexpr uint64_t kMariadbClientComMulti = 1ull << 33;
inline constexpr uint64_t kMariadbClientStmtBulkOperations = 1ull << 34;
inline constexpr uint64_t kMariadbClientExtendedMetadata = 1ull << 35;
inline constexpr uint64_t kMariadbClientCacheMetadata = 1ull << 36;

// What relaydb's server advertises by default: the protocol features wire/
// implements (no TLS, no compression, no session tracking, no
// DEPRECATE_EOF, no MariaDB extensions). CLIENT_MYSQL (bit 0) is clear, as
// in MariaDB's own greeting, so MariaDB clients recognise a MariaDB-style
// server. See docs/wire_protocol.md.
inline constexpr uint64_t kDefaultServerCapabilities =
    kClientFoundRows | kClientLongFlag | kClientConnectWithDb | kClientNoSchema | kClientOdbc |
    kClientIgnoreSpace | kClientProtocol41 | kClientInteractive | kClientIgnoreSigpipe |
    kClientTransactions | kClientReserved | kClientSecureConnection | kClientMultiStatements |
    kClientMultiResults | kClientPsMultiResults | kClientPluginAuth | kClientConnectAttrs |
    kClientPluginAuthLenencClientData | kClientCanHandleExpiredPasswords;

// ---------------------------------------------------------------------------
// Server status flags (OK/EOF packets).
// ---------------------------------------------------------------------------
inline constexpr uint16_t kServerStatusInTrans = 0x0001;             // SERVER_STATUS_IN_TRANS
inline constexpr uint16_t kServerStatusAutocommit = 0x0002;          // SERVER_STATUS_AUTOCOMMIT
inline constexpr uint16_t kServerMoreResultsExists = 0x0008;         // SERVER_MORE_RESULTS_EXISTS
inline constexpr uint16_t kServerQueryNoGoodIndexUsed = 0x0010;      // SERVER_QUERY_NO_GOOD_INDEX_USED
inline constexpr uint16_t kServerQueryNoIndexUsed = 0x0020;          // SERVER_QUERY_NO_INDEX_USED
inline constexpr uint16_t kServerStatusCursorExists = 0x0040;        // SERVER_STATUS_CURSOR_EXISTS
inline constexpr uint16_t kServerStatusLastRowSent = 0x0080;         // SERVER_STATUS_LAST_ROW_SENT
inline constexpr uint16_t kServerStatusDbDropped = 0x0100;           // SERVER_STATUS_DB_DROPPED
inline constexpr uint16_t kServerStatusNoBackslashEscapes = 0x0200;  // SERVER_STATUS_NO_BACKSLASH_ESCAPES
inline constexpr uint16_t kServerStatusMetadataChanged = 0x0400;     // SERVER_STATUS_METADATA_CHANGED
inline constexpr uint16_t kServerQueryWasSlow = 0x0800;              // SERVER_QUERY_WAS_SLOW
inline constexpr uint16_t kServerPsOutParams = 0x1000;               // SERVER_PS_OUT_PARAMS
inline constexpr uint16_t kServerStatusInTransReadonly = 0x2000;     // SERVER_STATUS_IN_TRANS_READONLY
inline constexpr uint16_t kServerSessionStateChanged = 0x4000;       // SERVER_SESSION_STATE_CHANGED
inline constexpr uint16_t kServerStatusAnsiQuotes = 0x8000;          // MariaDB: SERVER_STATUS_ANSI_QUOTES

// ---------------------------------------------------------------------------
// Command bytes (first byte of a client's command packet).
// ---------------------------------------------------------------------------
inline constexpr uint8_t kComSleep = 0x00;
inline constexpr uint8_t kComQuit = 0x01;
inline constexpr uint8_t kComInitDb = 0x02;
inline constexpr uint8_t kComQuery = 0x03;
inline constexpr uint8_t kComFieldList = 0x04;
inline constexpr uint8_t kComCreateDb = 0x05;
inline constexpr uint8_t kComDropDb = 0x06;
inline constexpr uint8_t kComRefresh = 0x07;
inline constexpr uint8_t kComShutdown = 0x08;
inline constexpr uint8_t kComStatistics = 0x09;
inline constexpr uint8_t kComProcessInfo = 0x0a;
inline constexpr uint8_t kComConnect = 0x0b;
inline constexpr uint8_t kComProcessKill = 0x0c;
inline constexpr uint8_t kComDebug = 0x0d;
inline constexpr uint8_t kComPing = 0x0e;
inline constexpr uint8_t kComTime = 0x0f;
inline constexpr uint8_t kComDelayedInsert = 0x10;
inline constexpr uint8_t kComChangeUser = 0x11;
inline constexpr uint8_t kComBinlogDump = 0x12;
inline constexpr uint8_t kComTableDump = 0x13;
inline constexpr uint8_t kComConnectOut = 0x14;
inline constexpr uint8_t kComRegisterSlave = 0x15;
inline constexpr uint8_t kComStmtPrepare = 0x16;
inline constexpr uint8_t kComStmtExecute = 0x17;
inline constexpr uint8_t kComStmtSendLongData = 0x18;
inline constexpr uint8_t kComStmtClose = 0x19;
inline constexpr uint8_t kComStmtReset = 0x1a;
inline constexpr uint8_t kComSetOption = 0x1b;
inline constexpr uint8_t kComStmtFetch = 0x1c;
inline constexpr uint8_t kComDaemon = 0x1d;
inline constexpr uint8_t kComBinlogDumpGtid = 0x1e;  // MySQL 5.6+; MariaDB does not implement it
inline constexpr uint8_t kComResetConnection = 0x1f;
inline constexpr uint8_t kComStmtBulkExecute = 0xfa;  // MariaDB
inline constexpr uint8_t kComMulti = 0xfe;            // MariaDB (obsolete)

// COM_SET_OPTION values.
inline constexpr uint16_t kMysqlOptionMultiStatementsOn = 0;
inline constexpr uint16_t kMysqlOptionMultiStatementsOff = 1;

// The Command column of SHOW PROCESSLIST for command byte `cmd`, exactly as
// MariaDB 10.11 names it ("Query", "Binlog Dump", "Close stmt", ...).
// Unassigned bytes give "Error", as MariaDB's table does for its last entry.
std::string_view CommandName(uint8_t cmd);

// ---------------------------------------------------------------------------
// Packet framing and headers.
// ---------------------------------------------------------------------------
inline constexpr size_t kMaxPacketChunk = 0xffffff;  // payload bytes per physical packet
inline constexpr size_t kPacketHeaderSize = 4;       // 3-byte length + sequence id

inline constexpr uint8_t kOkHeader = 0x00;
inline constexpr uint8_t kEofHeader = 0xfe;
inline constexpr uint8_t kErrHeader = 0xff;
inline constexpr uint8_t kLocalInfileHeader = 0xfb;
inline constexpr uint8_t kAuthSwitchHeader = 0xfe;
inline constexpr uint8_t kAuthMoreDataHeader = 0x01;

// Length of the authentication scramble ("nonce") in the greeting.
inline constexpr size_t kScrambleLength = 20;

// The default collation of a fresh MariaDB 10.11 and the one our client asks for.
inline constexpr uint8_t kDefaultCharset = 45;  // utf8mb4_general_ci

// MariaDB's max_allowed_packet default (16 MiB): the largest payload a
// PacketConn accepts unless told otherwise (see packet_io.h for the exact rule).
inline constexpr size_t kDefaultMaxAllowedPacket = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Error numbers / SQLSTATEs that the wire layer itself produces (MariaDB 10.11
// server errors from errmsg-utf8.txt, client errors from libmysql/errmsg.c).
// ---------------------------------------------------------------------------
inline constexpr uint16_t kErHandshakeError = 1043;          // 08S01 "Bad handshake"
inline constexpr uint16_t kErUnknownError = 1105;            // HY000 "Unknown error"
inline constexpr uint16_t kErNetPacketTooLarge = 1153;       // 08S01
inline constexpr uint16_t kErNetPacketsOutOfOrder = 1156;    // 08S01
inline constexpr uint16_t kErWrongArguments = 1210;          // HY000 "Incorrect arguments to %s"
inline constexpr uint16_t kErMalformedPacket = 1835;         // HY000 "Malformed communication packet"
inline constexpr uint16_t kCrConnHostError = 2003;           // "Can't connect to MySQL server on '%s' (%M)"
inline constexpr uint16_t kCrUnknownHost = 2005;             // "Unknown MySQL server host '%s' (%d)"
inline constexpr uint16_t kCrServerGoneError = 2006;         // "MySQL server has gone away"
inline constexpr uint16_t kCrServerHandshakeErr = 2012;      // "Error in server handshake"
inline constexpr uint16_t kCrServerLost = 2013;              // "Lost connection to MySQL server during query"
inline constexpr uint16_t kCrNetPacketTooLarge = 2020;       // "Got packet bigger than 'max_allowed_packet' bytes"
inline constexpr uint16_t kCrMalformedPacket = 2027;         // "Malformed packet"
inline constexpr uint16_t kCrAuthPluginCannotLoad = 2059;    // "Authentication plugin '%s' cannot be loaded: %s"

}  // namespace relaydb::wire
