// MySQL/MariaDB lexer (see lexer.h). Mirrors MariaDB 10.11 sql/sql_lex.cc
// lex_one_token() where it matters for what the server accepts.
#include "sql/lexer.h"

#include <array>
#include <cstring>

namespace relaydb::sql {
namespace {

struct KeywordEntry {
  const char* word;
  Kw kw;
  bool reserved;
};

// Sorted by word; KeywordText() indexes it by Kw value - 1.
constexpr KeywordEntry kKeywords[] = {
    {"ACCESSIBLE", Kw::kAccessible, true},
    {"ACCOUNT", Kw::kAccount, false},
    {"ACTION", Kw::kAction, false},
    {"ADD", Kw::kAdd, true},
    {"ADMIN", Kw::kAdmin, false},
    {"AFTER", Kw::kAfter, false},
    {"AGAINST", Kw::kAgainst, false},
    {"AGGREGATE", Kw::kAggregate, false},
    {"ALGORITHM", Kw::kAlgorithm, false},
    {"ALL", Kw::kAll, true},
    {"ALTER", Kw::kAlter, true},
    {"ALWAYS", Kw::kAlways, false},
    {"ANALYZE", Kw::kAnalyze, true},
    {"AND", Kw::kAnd, true},
    {"ANY", Kw::kAny, false},
    {"AS", Kw::kAs, true},
    {"ASC", Kw::kAsc, true},
    {"ASCII", Kw::kAscii, false},
    {"ASENSITIVE", Kw::kAsensitive, true},
    {"AT", Kw::kAt, false},
    {"ATOMIC", Kw::kAtomic, false},
    {"AUTHORS", Kw::kAuthors, false},
    {"AUTO_INCREMENT", Kw::kAutoIncrement, false},
    {"AVG_ROW_LENGTH", Kw::kAvgRowLength, false},
    {"BACKUP", Kw::kBackup, false},
    {"BEFORE", Kw::kBefore, true},
    {"BEGIN", Kw::kBegin, false},
    {"BETWEEN", Kw::kBetween, true},
    {"BIGINT", Kw::kBigint, true},
    {"BINARY", Kw::kBinary, true},
    {"BINLOG", Kw::kBinlog, false},
    {"BIT", Kw::kBit, false},
    {"BLOB", Kw::kBlob, true},
    {"BLOCK", Kw::kBlock, false},
    {"BODY", Kw::kBody, false},
    {"BOOL", Kw::kBool, false},
    {"BOOLEAN", Kw::kBoolean, false},
    {"BOTH", Kw::kBoth, true},
    {"BTREE", Kw::kBtree, false},
    {"BY", Kw::kBy, true},
    {"BYTE", Kw::kByte, false},
    {"CACHE", Kw::kCache, false},
    {"CALL", Kw::kCall, true},
    {"CASCADE", Kw::kCascade, true},
    {"CASCADED", Kw::kCascaded, false},
    {"CASE", Kw::kCase, true},
    {"CAST", Kw::kCast, false},
    {"CHAIN", Kw::kChain, false},
    {"CHANGE", Kw::kChange, true},
    {"CHANGED", Kw::kChanged, false},
    {"CHANNEL", Kw::kChannel, false},
    {"CHAR", Kw::kChar, true},
    {"CHARACTER", Kw::kCharacter, true},
    {"CHARSET", Kw::kCharset, false},
    {"CHECK", Kw::kCheck, true},
    {"CHECKSUM", Kw::kChecksum, false},
    {"CIPHER", Kw::kCipher, false},
    {"CLIENT", Kw::kClient, false},
    {"CLIENT_STATISTICS", Kw::kClientStatistics, false},
    {"CLOSE", Kw::kClose, false},
    {"CLUSTERING", Kw::kClustering, false},
    {"COALESCE", Kw::kCoalesce, false},
    {"CODE", Kw::kCode, false},
    {"COLLATE", Kw::kCollate, true},
    {"COLLATION", Kw::kCollation, false},
    {"COLUMN", Kw::kColumn, true},
    {"COLUMNS", Kw::kColumns, false},
    {"COLUMN_FORMAT", Kw::kColumnFormat, false},
    {"COMMENT", Kw::kComment, false},
    {"COMMIT", Kw::kCommit, false},
    {"COMMITTED", Kw::kCommitted, false},
    {"COMPACT", Kw::kCompact, false},
    {"COMPRESSED", Kw::kCompressed, false},
    {"CONCURRENT", Kw::kConcurrent, false},
    {"CONDITION", Kw::kCondition, true},
    {"CONNECTION", Kw::kConnection, false},
    {"CONSISTENT", Kw::kConsistent, false},
    {"CONSTRAINT", Kw::kConstraint, true},
    {"CONTAINS", Kw::kContains, false},
    {"CONTEXT", Kw::kContext, false},
    {"CONTINUE", Kw::kContinue, true},
    {"CONTRIBUTORS", Kw::kContributors, false},
    {"CONVERT", Kw::kConvert, true},
    {"COPY", Kw::kCopy, false},
    {"COUNT", Kw::kCount, false},
    {"CPU", Kw::kCpu, false},
    {"CREATE", Kw::kCreate, true},
    {"CROSS", Kw::kCross, true},
    {"CURRENT", Kw::kCurrent, false},
    {"CURRENT_DATE", Kw::kCurrentDate, true},
    {"CURRENT_POS", Kw::kCurrentPos, false},
    {"CURRENT_ROLE", Kw::kCurrentRole, true},
    {"CURRENT_TIME", Kw::kCurrentTime, true},
    {"CURRENT_TIMESTAMP", Kw::kCurrentTimestamp, true},
    {"CURRENT_USER", Kw::kCurrentUser, true},
    {"CURSOR", Kw::kCursor, true},
    {"CYCLE", Kw::kCycle, false},
    {"DATA", Kw::kData, false},
    {"DATABASE", Kw::kDatabase, false},
    {"DATABASES", Kw::kDatabases, true},
    {"DATE", Kw::kDate, false},
    {"DATETIME", Kw::kDatetime, false},
    {"DAY", Kw::kDay, false},
    {"DAY_HOUR", Kw::kDayHour, true},
    {"DAY_MICROSECOND", Kw::kDayMicrosecond, true},
    {"DAY_MINUTE", Kw::kDayMinute, true},
    {"DAY_SECOND", Kw::kDaySecond, true},
    {"DEALLOCATE", Kw::kDeallocate, false},
    {"DEC", Kw::kDec, true},
    {"DECIMAL", Kw::kDecimal, true},
    {"DECLARE", Kw::kDeclare, true},
    {"DEFAULT", Kw::kDefault, true},
    {"DEFINER", Kw::kDefiner, false},
    {"DELAYED", Kw::kDelayed, true},
    {"DELAY_KEY_WRITE", Kw::kDelayKeyWrite, false},
    {"DELETE", Kw::kDelete, true},
    {"DELETE_DOMAIN_ID", Kw::kDeleteDomainId, true},
    {"DESC", Kw::kDesc, true},
    {"DESCRIBE", Kw::kDescribe, true},
    {"DES_KEY_FILE", Kw::kDesKeyFile, false},
    {"DETERMINISTIC", Kw::kDeterministic, true},
    {"DIRECTORY", Kw::kDirectory, false},
    {"DISABLE", Kw::kDisable, false},
    {"DISCARD", Kw::kDiscard, false},
    {"DISK", Kw::kDisk, false},
    {"DISTINCT", Kw::kDistinct, true},
    {"DISTINCTROW", Kw::kDistinctrow, true},
    {"DIV", Kw::kDiv, true},
    {"DO", Kw::kDo, false},
    {"DOUBLE", Kw::kDouble, true},
    {"DO_DOMAIN_IDS", Kw::kDoDomainIds, true},
    {"DROP", Kw::kDrop, true},
    {"DUAL", Kw::kDual, true},
    {"DUMPFILE", Kw::kDumpfile, false},
    {"DUPLICATE", Kw::kDuplicate, false},
    {"DYNAMIC", Kw::kDynamic, false},
    {"EACH", Kw::kEach, true},
    {"ELSE", Kw::kElse, true},
    {"ELSEIF", Kw::kElseif, true},
    {"ENABLE", Kw::kEnable, false},
    {"ENCLOSED", Kw::kEnclosed, true},
    {"ENCRYPTED", Kw::kEncrypted, false},
    {"ENCRYPTION", Kw::kEncryption, false},
    {"ENCRYPTION_KEY_ID", Kw::kEncryptionKeyId, false},
    {"END", Kw::kEnd, false},
    {"ENGINE", Kw::kEngine, false},
    {"ENGINES", Kw::kEngines, false},
    {"ENUM", Kw::kEnum, false},
    {"ERROR", Kw::kError, false},
    {"ERRORS", Kw::kErrors, false},
    {"ESCAPE", Kw::kEscape, false},
    {"ESCAPED", Kw::kEscaped, true},
    {"EVENT", Kw::kEvent, false},
    {"EVENTS", Kw::kEvents, false},
    {"EVERY", Kw::kEvery, false},
    {"EXAMINED", Kw::kExamined, false},
    {"EXCEPT", Kw::kExcept, true},
    {"EXCHANGE", Kw::kExchange, false},
    {"EXCLUSIVE", Kw::kExclusive, false},
    {"EXECUTE", Kw::kExecute, false},
    {"EXISTS", Kw::kExists, true},
    {"EXIT", Kw::kExit, true},
    {"EXPANSION", Kw::kExpansion, false},
    {"EXPIRE", Kw::kExpire, false},
    {"EXPLAIN", Kw::kExplain, true},
    {"EXPORT", Kw::kExport, false},
    {"EXTENDED", Kw::kExtended, false},
    {"EXTRACT", Kw::kExtract, false},
    {"FALSE", Kw::kFalse, true},
    {"FAST", Kw::kFast, false},
    {"FETCH", Kw::kFetch, true},
    {"FIELDS", Kw::kFields, false},
    {"FILE", Kw::kFile, false},
    {"FILTER", Kw::kFilter, false},
    {"FIRST", Kw::kFirst, false},
    {"FIXED", Kw::kFixed, false},
    {"FLOAT", Kw::kFloat, true},
    {"FLOAT4", Kw::kFloat4, true},
    {"FLOAT8", Kw::kFloat8, true},
    {"FLUSH", Kw::kFlush, false},
    {"FOR", Kw::kFor, true},
    {"FORCE", Kw::kForce, true},
    {"FOREIGN", Kw::kForeign, true},
    {"FORMAT", Kw::kFormat, false},
    {"FOUND", Kw::kFound, false},
    {"FROM", Kw::kFrom, true},
    {"FULL", Kw::kFull, false},
    {"FULLTEXT", Kw::kFulltext, true},
    {"FUNCTION", Kw::kFunction, false},
    {"GENERAL", Kw::kGeneral, false},
    {"GENERATED", Kw::kGenerated, false},
    {"GEOMETRY", Kw::kGeometry, false},
    {"GEOMETRYCOLLECTION", Kw::kGeometrycollection, false},
    {"GET", Kw::kGet, false},
    {"GET_FORMAT", Kw::kGetFormat, false},
    {"GLOBAL", Kw::kGlobal, false},
    {"GRANT", Kw::kGrant, true},
    {"GRANTS", Kw::kGrants, false},
    {"GROUP", Kw::kGroup, true},
    {"GROUP_CONCAT", Kw::kGroupConcat, false},
    {"HANDLER", Kw::kHandler, false},
    {"HARD", Kw::kHard, false},
    {"HASH", Kw::kHash, false},
    {"HAVING", Kw::kHaving, true},
    {"HELP", Kw::kHelp, false},
    {"HIGH_PRIORITY", Kw::kHighPriority, true},
    {"HOST", Kw::kHost, false},
    {"HOSTS", Kw::kHosts, false},
    {"HOUR", Kw::kHour, false},
    {"HOUR_MICROSECOND", Kw::kHourMicrosecond, true},
    {"HOUR_MINUTE", Kw::kHourMinute, true},
    {"HOUR_SECOND", Kw::kHourSecond, true},
    {"ID", Kw::kId, false},
    {"IDENTIFIED", Kw::kIdentified, false},
    {"IETF_QUOTES", Kw::kIetfQuotes, false},
    {"IF", Kw::kIf, true},
    {"IGNORE", Kw::kIgnore, true},
    {"IGNORED", Kw::kIgnored, false},
    {"IGNORE_DOMAIN_IDS", Kw::kIgnoreDomainIds, true},
    {"IMMEDIATE", Kw::kImmediate, false},
    {"IMPORT", Kw::kImport, false},
    {"IN", Kw::kIn, true},
    {"INDEX", Kw::kIndex, true},
    {"INDEXES", Kw::kIndexes, false},
    {"INDEX_STATISTICS", Kw::kIndexStatistics, false},
    {"INFILE", Kw::kInfile, true},
    {"INNER", Kw::kInner, true},
    {"INOUT", Kw::kInout, true},
    {"INPLACE", Kw::kInplace, false},
    {"INSENSITIVE", Kw::kInsensitive, true},
    {"INSERT", Kw::kInsert, true},
    {"INSERT_METHOD", Kw::kInsertMethod, false},
    {"INSTALL", Kw::kInstall, false},
    {"INSTANT", Kw::kInstant, false},
    {"INT", Kw::kInt, true},
    {"INT1", Kw::kInt1, true},
    {"INT2", Kw::kInt2, true},
    {"INT3", Kw::kInt3, true},
    {"INT4", Kw::kInt4, true},
    {"INT8", Kw::kInt8, true},
    {"INTEGER", Kw::kInteger, true},
    {"INTERSECT", Kw::kIntersect, true},
    {"INTERVAL", Kw::kInterval, true},
    {"INTO", Kw::kInto, true},
    {"INVISIBLE", Kw::kInvisible, false},
    {"INVOKER", Kw::kInvoker, false},
    {"IO", Kw::kIo, false},
    {"IO_THREAD", Kw::kIoThread, false},
    {"IPC", Kw::kIpc, false},
    {"IS", Kw::kIs, true},
    {"ISOLATION", Kw::kIsolation, false},
    {"ISSUER", Kw::kIssuer, false},
    {"ITERATE", Kw::kIterate, true},
    {"JOIN", Kw::kJoin, true},
    {"JSON", Kw::kJson, false},
    {"KEY", Kw::kKey, true},
    {"KEYS", Kw::kKeys, true},
    {"KEY_BLOCK_SIZE", Kw::kKeyBlockSize, false},
    {"KILL", Kw::kKill, true},
    {"LANGUAGE", Kw::kLanguage, false},
    {"LAST", Kw::kLast, false},
    {"LEADING", Kw::kLeading, true},
    {"LEAVE", Kw::kLeave, true},
    {"LEFT", Kw::kLeft, true},
    {"LESS", Kw::kLess, false},
    {"LEVEL", Kw::kLevel, false},
    {"LIKE", Kw::kLike, true},
    {"LIMIT", Kw::kLimit, true},
    {"LINEAR", Kw::kLinear, true},
    {"LINES", Kw::kLines, true},
    {"LINESTRING", Kw::kLinestring, false},
    {"LIST", Kw::kList, false},
    {"LOAD", Kw::kLoad, true},
    {"LOCAL", Kw::kLocal, false},
    {"LOCALES", Kw::kLocales, false},
    {"LOCALTIME", Kw::kLocaltime, true},
    {"LOCALTIMESTAMP", Kw::kLocaltimestamp, true},
    {"LOCK", Kw::kLock, true},
    {"LOCKED", Kw::kLocked, false},
    {"LOCKS", Kw::kLocks, false},
    {"LOG", Kw::kLog, false},
    {"LOGFILE", Kw::kLogfile, false},
    {"LOGS", Kw::kLogs, false},
    {"LONG", Kw::kLong, true},
    {"LONGBLOB", Kw::kLongblob, true},
    {"LONGTEXT", Kw::kLongtext, true},
    {"LOOP", Kw::kLoop, true},
    {"LOW_PRIORITY", Kw::kLowPriority, true},
    {"MASTER", Kw::kMaster, false},
    {"MASTER_AUTO_POSITION", Kw::kMasterAutoPosition, false},
    {"MASTER_BIND", Kw::kMasterBind, false},
    {"MASTER_CONNECT_RETRY", Kw::kMasterConnectRetry, false},
    {"MASTER_DELAY", Kw::kMasterDelay, false},
    {"MASTER_DEMOTE_TO_REPLICA", Kw::kMasterDemoteToReplica, true},
    {"MASTER_DEMOTE_TO_SLAVE", Kw::kMasterDemoteToSlave, true},
    {"MASTER_GTID_POS", Kw::kMasterGtidPos, false},
    {"MASTER_HEARTBEAT_PERIOD", Kw::kMasterHeartbeatPeriod, false},
    {"MASTER_HOST", Kw::kMasterHost, false},
    {"MASTER_LOG_FILE", Kw::kMasterLogFile, false},
    {"MASTER_LOG_POS", Kw::kMasterLogPos, false},
    {"MASTER_PASSWORD", Kw::kMasterPassword, false},
    {"MASTER_PORT", Kw::kMasterPort, false},
    {"MASTER_RETRY_COUNT", Kw::kMasterRetryCount, false},
    {"MASTER_SERVER_ID", Kw::kMasterServerId, false},
    {"MASTER_SSL", Kw::kMasterSsl, false},
    {"MASTER_SSL_CA", Kw::kMasterSslCa, false},
    {"MASTER_SSL_CAPATH", Kw::kMasterSslCapath, false},
    {"MASTER_SSL_CERT", Kw::kMasterSslCert, false},
    {"MASTER_SSL_CIPHER", Kw::kMasterSslCipher, false},
    {"MASTER_SSL_CRL", Kw::kMasterSslCrl, false},
    {"MASTER_SSL_CRLPATH", Kw::kMasterSslCrlpath, false},
    {"MASTER_SSL_KEY", Kw::kMasterSslKey, false},
    {"MASTER_SSL_VERIFY_SERVER_CERT", Kw::kMasterSslVerifyServerCert, true},
    {"MASTER_USER", Kw::kMasterUser, false},
    {"MASTER_USE_GTID", Kw::kMasterUseGtid, false},
    {"MATCH", Kw::kMatch, true},
    {"MAXVALUE", Kw::kMaxvalue, true},
    {"MAX_CONNECTIONS_PER_HOUR", Kw::kMaxConnectionsPerHour, false},
    {"MAX_QUERIES_PER_HOUR", Kw::kMaxQueriesPerHour, false},
    {"MAX_ROWS", Kw::kMaxRows, false},
    {"MAX_STATEMENT_TIME", Kw::kMaxStatementTime, false},
    {"MAX_UPDATES_PER_HOUR", Kw::kMaxUpdatesPerHour, false},
    {"MAX_USER_CONNECTIONS", Kw::kMaxUserConnections, false},
    {"MEDIUM", Kw::kMedium, false},
    {"MEDIUMBLOB", Kw::kMediumblob, true},
    {"MEDIUMINT", Kw::kMediumint, true},
    {"MEDIUMTEXT", Kw::kMediumtext, true},
    {"MEMBER", Kw::kMember, false},
    {"MEMORY", Kw::kMemory, false},
    {"MERGE", Kw::kMerge, false},
    {"MICROSECOND", Kw::kMicrosecond, false},
    {"MIDDLEINT", Kw::kMiddleint, true},
    {"MINUTE", Kw::kMinute, false},
    {"MINUTE_MICROSECOND", Kw::kMinuteMicrosecond, true},
    {"MINUTE_SECOND", Kw::kMinuteSecond, true},
    {"MIN_ROWS", Kw::kMinRows, false},
    {"MOD", Kw::kMod, true},
    {"MODE", Kw::kMode, false},
    {"MODIFIES", Kw::kModifies, true},
    {"MODIFY", Kw::kModify, false},
    {"MONITOR", Kw::kMonitor, false},
    {"MONTH", Kw::kMonth, false},
    {"MULTILINESTRING", Kw::kMultilinestring, false},
    {"MULTIPOINT", Kw::kMultipoint, false},
    {"MULTIPOLYGON", Kw::kMultipolygon, false},
    {"MUTEX", Kw::kMutex, false},
    {"NAME", Kw::kName, false},
    {"NAMES", Kw::kNames, false},
    {"NATIONAL", Kw::kNational, false},
    {"NATURAL", Kw::kNatural, true},
    {"NCHAR", Kw::kNchar, false},
    {"NEVER", Kw::kNever, false},
    {"NEXT", Kw::kNext, false},
    {"NO", Kw::kNo, false},
    {"NOCOPY", Kw::kNocopy, false},
    {"NONE", Kw::kNoneWord, false},
    {"NOT", Kw::kNot, true},
    {"NOWAIT", Kw::kNowait, false},
    {"NO_WRITE_TO_BINLOG", Kw::kNoWriteToBinlog, true},
    {"NULL", Kw::kNull, true},
    {"NUMERIC", Kw::kNumeric, true},
    {"NVARCHAR", Kw::kNvarchar, false},
    {"OF", Kw::kOf, false},
    {"OFFLINE", Kw::kOffline, false},
    {"OFFSET", Kw::kOffset, true},
    {"OLD_PASSWORD", Kw::kOldPassword, false},
    {"ON", Kw::kOn, true},
    {"ONE", Kw::kOne, false},
    {"ONLINE", Kw::kOnline, false},
    {"ONLY", Kw::kOnly, false},
    {"OPEN", Kw::kOpen, false},
    {"OPTIMIZE", Kw::kOptimize, true},
    {"OPTIMIZER_COSTS", Kw::kOptimizerCosts, false},
    {"OPTION", Kw::kOption, false},
    {"OPTIONALLY", Kw::kOptionally, true},
    {"OPTIONS", Kw::kOptions, false},
    {"OR", Kw::kOr, true},
    {"ORDER", Kw::kOrder, true},
    {"OUT", Kw::kOut, true},
    {"OUTER", Kw::kOuter, true},
    {"OUTFILE", Kw::kOutfile, true},
    {"OVER", Kw::kOver, true},
    {"OWNER", Kw::kOwner, false},
    {"PACKAGE", Kw::kPackage, false},
    {"PACK_KEYS", Kw::kPackKeys, false},
    {"PAGE", Kw::kPage, false},
    {"PAGE_CHECKSUM", Kw::kPageChecksum, true},
    {"PAGE_COMPRESSED", Kw::kPageCompressed, false},
    {"PAGE_COMPRESSION_LEVEL", Kw::kPageCompressionLevel, false},
    {"PARSER", Kw::kParser, false},
    {"PARSE_VCOL_EXPR", Kw::kParseVcolExpr, true},
    {"PARTIAL", Kw::kPartial, false},
    {"PARTITION", Kw::kPartition, true},
    {"PARTITIONS", Kw::kPartitions, false},
    {"PASSWORD", Kw::kPassword, false},
    {"PERIOD", Kw::kPeriod, false},
    {"PERSISTENT", Kw::kPersistent, false},
    {"PHASE", Kw::kPhase, false},
    {"PLUGIN", Kw::kPlugin, false},
    {"PLUGINS", Kw::kPlugins, false},
    {"POINT", Kw::kPoint, false},
    {"POLYGON", Kw::kPolygon, false},
    {"PORT", Kw::kPort, false},
    {"PORTION", Kw::kPortion, true},
    {"POSITION", Kw::kPosition, false},
    {"PRECISION", Kw::kPrecision, true},
    {"PREPARE", Kw::kPrepare, false},
    {"PRESERVE", Kw::kPreserve, false},
    {"PREV", Kw::kPrev, false},
    {"PRIMARY", Kw::kPrimary, true},
    {"PRIVILEGES", Kw::kPrivileges, false},
    {"PROCEDURE", Kw::kProcedure, true},
    {"PROCESS", Kw::kProcess, false},
    {"PROCESSLIST", Kw::kProcesslist, false},
    {"PROFILE", Kw::kProfile, false},
    {"PROFILES", Kw::kProfiles, false},
    {"PROXY", Kw::kProxy, false},
    {"PURGE", Kw::kPurge, true},
    {"QUARTER", Kw::kQuarter, false},
    {"QUERY", Kw::kQuery, false},
    {"QUICK", Kw::kQuick, false},
    {"RANGE", Kw::kRange, true},
    {"READ", Kw::kRead, true},
    {"READS", Kw::kReads, true},
    {"READ_ONLY", Kw::kReadOnly, false},
    {"READ_WRITE", Kw::kReadWrite, true},
    {"REAL", Kw::kReal, true},
    {"REBUILD", Kw::kRebuild, false},
    {"RECOVER", Kw::kRecover, false},
    {"RECURSIVE", Kw::kRecursive, true},
    {"REDUNDANT", Kw::kRedundant, false},
    {"REFERENCES", Kw::kReferences, true},
    {"REF_SYSTEM_ID", Kw::kRefSystemId, true},
    {"REGEXP", Kw::kRegexp, true},
    {"RELAY", Kw::kRelay, false},
    {"RELAYLOG", Kw::kRelaylog, false},
    {"RELAY_LOG_FILE", Kw::kRelayLogFile, false},
    {"RELAY_LOG_POS", Kw::kRelayLogPos, false},
    {"RELAY_THREAD", Kw::kRelayThread, false},
    {"RELEASE", Kw::kRelease, true},
    {"RELOAD", Kw::kReload, false},
    {"REMOVE", Kw::kRemove, false},
    {"RENAME", Kw::kRename, true},
    {"REORGANIZE", Kw::kReorganize, false},
    {"REPAIR", Kw::kRepair, false},
    {"REPEAT", Kw::kRepeat, true},
    {"REPEATABLE", Kw::kRepeatable, false},
    {"REPLACE", Kw::kReplace, true},
    {"REPLICA", Kw::kReplica, false},
    {"REPLICAS", Kw::kReplicas, false},
    {"REPLICATION", Kw::kReplication, false},
    {"REPLICA_POS", Kw::kReplicaPos, false},
    {"REQUIRE", Kw::kRequire, true},
    {"RESET", Kw::kReset, false},
    {"RESIGNAL", Kw::kResignal, true},
    {"RESTART", Kw::kRestart, false},
    {"RESTRICT", Kw::kRestrict, true},
    {"RESUME", Kw::kResume, false},
    {"RETURN", Kw::kReturn, true},
    {"RETURNING", Kw::kReturning, true},
    {"RETURNS", Kw::kReturns, false},
    {"REVOKE", Kw::kRevoke, true},
    {"RIGHT", Kw::kRight, true},
    {"RLIKE", Kw::kRlike, true},
    {"ROLE", Kw::kRole, false},
    {"ROLLBACK", Kw::kRollback, false},
    {"ROLLUP", Kw::kRollup, false},
    {"ROUTINE", Kw::kRoutine, false},
    {"ROW", Kw::kRow, false},
    {"ROWNUM", Kw::kRownum, false},
    {"ROWS", Kw::kRows, true},
    {"ROW_FORMAT", Kw::kRowFormat, false},
    {"ROW_NUMBER", Kw::kRowNumber, true},
    {"RTREE", Kw::kRtree, false},
    {"SAVEPOINT", Kw::kSavepoint, false},
    {"SCHEMA", Kw::kSchema, false},
    {"SCHEMAS", Kw::kSchemas, true},
    {"SECOND", Kw::kSecond, false},
    {"SECOND_MICROSECOND", Kw::kSecondMicrosecond, true},
    {"SECURITY", Kw::kSecurity, false},
    {"SELECT", Kw::kSelect, true},
    {"SENSITIVE", Kw::kSensitive, true},
    {"SEPARATOR", Kw::kSeparator, true},
    {"SEQUENCE", Kw::kSequence, false},
    {"SERIAL", Kw::kSerial, false},
    {"SERIALIZABLE", Kw::kSerializable, false},
    {"SERVER", Kw::kServer, false},
    {"SESSION", Kw::kSession, false},
    {"SET", Kw::kSet, true},
    {"SHARE", Kw::kShare, false},
    {"SHARED", Kw::kShared, false},
    {"SHOW", Kw::kShow, true},
    {"SHUTDOWN", Kw::kShutdown, false},
    {"SIGNAL", Kw::kSignal, true},
    {"SIGNED", Kw::kSigned, false},
    {"SIMPLE", Kw::kSimple, false},
    {"SKIP", Kw::kSkip, false},
    {"SLAVE", Kw::kSlave, false},
    {"SLAVES", Kw::kSlaves, false},
    {"SLAVE_POS", Kw::kSlavePos, false},
    {"SLOW", Kw::kSlow, false},
    {"SMALLINT", Kw::kSmallint, true},
    {"SNAPSHOT", Kw::kSnapshot, false},
    {"SOCKET", Kw::kSocket, false},
    {"SOFT", Kw::kSoft, false},
    {"SOME", Kw::kSome, false},
    {"SONAME", Kw::kSoname, false},
    {"SOUNDS", Kw::kSounds, false},
    {"SOURCE", Kw::kSource, false},
    {"SOURCES", Kw::kSources, false},
    {"SOURCE_AUTO_POSITION", Kw::kSourceAutoPosition, false},
    {"SOURCE_BIND", Kw::kSourceBind, false},
    {"SOURCE_CONNECT_RETRY", Kw::kSourceConnectRetry, false},
    {"SOURCE_DELAY", Kw::kSourceDelay, false},
    {"SOURCE_HEARTBEAT_PERIOD", Kw::kSourceHeartbeatPeriod, false},
    {"SOURCE_HOST", Kw::kSourceHost, false},
    {"SOURCE_LOG_FILE", Kw::kSourceLogFile, false},
    {"SOURCE_LOG_POS", Kw::kSourceLogPos, false},
    {"SOURCE_PASSWORD", Kw::kSourcePassword, false},
    {"SOURCE_PORT", Kw::kSourcePort, false},
    {"SOURCE_RETRY_COUNT", Kw::kSourceRetryCount, false},
    {"SOURCE_SSL", Kw::kSourceSsl, false},
    {"SOURCE_SSL_CA", Kw::kSourceSslCa, false},
    {"SOURCE_SSL_CAPATH", Kw::kSourceSslCapath, false},
    {"SOURCE_SSL_CERT", Kw::kSourceSslCert, false},
    {"SOURCE_SSL_CIPHER", Kw::kSourceSslCipher, false},
    {"SOURCE_SSL_CRL", Kw::kSourceSslCrl, false},
    {"SOURCE_SSL_CRLPATH", Kw::kSourceSslCrlpath, false},
    {"SOURCE_SSL_KEY", Kw::kSourceSslKey, false},
    {"SOURCE_SSL_VERIFY_SERVER_CERT", Kw::kSourceSslVerifyServerCert, false},
    {"SOURCE_USER", Kw::kSourceUser, false},
    {"SOURCE_USE_GTID", Kw::kSourceUseGtid, false},
    {"SPATIAL", Kw::kSpatial, true},
    {"SPECIFIC", Kw::kSpecific, true},
    {"SQL", Kw::kSql, true},
    {"SQLEXCEPTION", Kw::kSqlexception, true},
    {"SQLSTATE", Kw::kSqlstate, true},
    {"SQLWARNING", Kw::kSqlwarning, true},
    {"SQL_BIG_RESULT", Kw::kSqlBigResult, true},
    {"SQL_BUFFER_RESULT", Kw::kSqlBufferResult, false},
    {"SQL_CACHE", Kw::kSqlCache, false},
    {"SQL_CALC_FOUND_ROWS", Kw::kSqlCalcFoundRows, true},
    {"SQL_NO_CACHE", Kw::kSqlNoCache, false},
    {"SQL_SMALL_RESULT", Kw::kSqlSmallResult, true},
    {"SQL_THREAD", Kw::kSqlThread, false},
    {"SQL_TSI_DAY", Kw::kSqlTsiDay, false},
    {"SQL_TSI_HOUR", Kw::kSqlTsiHour, false},
    {"SQL_TSI_MICROSECOND", Kw::kSqlTsiMicrosecond, false},
    {"SQL_TSI_MINUTE", Kw::kSqlTsiMinute, false},
    {"SQL_TSI_MONTH", Kw::kSqlTsiMonth, false},
    {"SQL_TSI_QUARTER", Kw::kSqlTsiQuarter, false},
    {"SQL_TSI_SECOND", Kw::kSqlTsiSecond, false},
    {"SQL_TSI_WEEK", Kw::kSqlTsiWeek, false},
    {"SQL_TSI_YEAR", Kw::kSqlTsiYear, false},
    {"SSL", Kw::kSsl, true},
    {"SSL_CERTIFICATES", Kw::kSslCertificates, false},
    {"START", Kw::kStart, false},
    {"STARTING", Kw::kStarting, true},
    {"STARTS", Kw::kStarts, false},
    {"STATEMENT", Kw::kStatement, false},
    {"STATS_AUTO_RECALC", Kw::kStatsAutoRecalc, true},
    {"STATS_PERSISTENT", Kw::kStatsPersistent, true},
    {"STATS_SAMPLE_PAGES", Kw::kStatsSamplePages, true},
    {"STATUS", Kw::kStatus, false},
    {"STOP", Kw::kStop, false},
    {"STORAGE", Kw::kStorage, false},
    {"STORED", Kw::kStored, false},
    {"STRAIGHT_JOIN", Kw::kStraightJoin, true},
    {"STRING", Kw::kString, false},
    {"SUBJECT", Kw::kSubject, false},
    {"SUBSTR", Kw::kSubstr, false},
    {"SUBSTRING", Kw::kSubstring, false},
    {"SUPER", Kw::kSuper, false},
    {"SUSPEND", Kw::kSuspend, false},
    {"SWAPS", Kw::kSwaps, false},
    {"SYSTEM", Kw::kSystem, false},
    {"SYSTEM_TIME", Kw::kSystemTime, false},
    {"TABLE", Kw::kTable, true},
    {"TABLES", Kw::kTables, false},
    {"TABLESPACE", Kw::kTablespace, false},
    {"TABLE_CHECKSUM", Kw::kTableChecksum, false},
    {"TABLE_STATISTICS", Kw::kTableStatistics, false},
    {"TEMPORARY", Kw::kTemporary, false},
    {"TEMPTABLE", Kw::kTemptable, false},
    {"TERMINATED", Kw::kTerminated, true},
    {"TEXT", Kw::kText, false},
    {"THAN", Kw::kThan, false},
    {"THEN", Kw::kThen, true},
    {"TIME", Kw::kTime, false},
    {"TIMESTAMP", Kw::kTimestamp, false},
    {"TIMESTAMPADD", Kw::kTimestampadd, false},
    {"TIMESTAMPDIFF", Kw::kTimestampdiff, false},
    {"TINYBLOB", Kw::kTinyblob, true},
    {"TINYINT", Kw::kTinyint, true},
    {"TINYTEXT", Kw::kTinytext, true},
    {"TO", Kw::kTo, true},
    {"TRAILING", Kw::kTrailing, true},
    {"TRANSACTION", Kw::kTransaction, false},
    {"TRANSACTIONAL", Kw::kTransactional, false},
    {"TRIGGER", Kw::kTrigger, true},
    {"TRIGGERS", Kw::kTriggers, false},
    {"TRIM", Kw::kTrim, false},
    {"TRUE", Kw::kTrue, true},
    {"TRUNCATE", Kw::kTruncate, false},
    {"TYPE", Kw::kType, false},
    {"UNCOMMITTED", Kw::kUncommitted, false},
    {"UNDEFINED", Kw::kUndefined, false},
    {"UNDO", Kw::kUndo, true},
    {"UNICODE", Kw::kUnicode, false},
    {"UNINSTALL", Kw::kUninstall, false},
    {"UNION", Kw::kUnion, true},
    {"UNIQUE", Kw::kUnique, true},
    {"UNKNOWN", Kw::kUnknown, false},
    {"UNLOCK", Kw::kUnlock, true},
    {"UNSIGNED", Kw::kUnsigned, true},
    {"UNTIL", Kw::kUntil, false},
    {"UPDATE", Kw::kUpdate, true},
    {"UPGRADE", Kw::kUpgrade, false},
    {"USAGE", Kw::kUsage, true},
    {"USE", Kw::kUse, true},
    {"USER", Kw::kUser, false},
    {"USER_RESOURCES", Kw::kUserResources, false},
    {"USER_STATISTICS", Kw::kUserStatistics, false},
    {"USING", Kw::kUsing, true},
    {"UTC_DATE", Kw::kUtcDate, true},
    {"UTC_TIME", Kw::kUtcTime, true},
    {"UTC_TIMESTAMP", Kw::kUtcTimestamp, true},
    {"VALIDATION", Kw::kValidation, false},
    {"VALUE", Kw::kValue, false},
    {"VALUES", Kw::kValues, true},
    {"VARBINARY", Kw::kVarbinary, true},
    {"VARCHAR", Kw::kVarchar, true},
    {"VARCHAR2", Kw::kVarchar2, false},
    {"VARCHARACTER", Kw::kVarcharacter, true},
    {"VARIABLES", Kw::kVariables, false},
    {"VARYING", Kw::kVarying, true},
    {"VIA", Kw::kVia, false},
    {"VIEW", Kw::kView, false},
    {"VIRTUAL", Kw::kVirtual, false},
    {"VISIBLE", Kw::kVisible, false},
    {"WAIT", Kw::kWait, false},
    {"WARNINGS", Kw::kWarnings, false},
    {"WEEK", Kw::kWeek, false},
    {"WHEN", Kw::kWhen, true},
    {"WHERE", Kw::kWhere, true},
    {"WHILE", Kw::kWhile, true},
    {"WINDOW", Kw::kWindow, false},
    {"WITH", Kw::kWith, true},
    {"WITHIN", Kw::kWithin, false},
    {"WITHOUT", Kw::kWithout, false},
    {"WORK", Kw::kWork, false},
    {"WRAPPER", Kw::kWrapper, false},
    {"WRITE", Kw::kWrite, true},
    {"X509", Kw::kX509, false},
    {"XA", Kw::kXa, false},
    {"XML", Kw::kXml, false},
    {"XOR", Kw::kXor, true},
    {"YEAR", Kw::kYear, false},
    {"YEAR_MONTH", Kw::kYearMonth, true},
    {"ZEROFILL", Kw::kZerofill, true},
};
constexpr size_t kNumKeywords = sizeof(kKeywords) / sizeof(kKeywords[0]);
constexpr size_t kMaxKeywordLength = 32;

inline char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline uint32_t HashUpper(std::string_view w) {
  uint32_t h = 2166136261u;
  for (char c : w) {
    h ^= static_cast<uint8_t>(ToUpper(c));
    h *= 16777619u;
  }
  return h;
}

// Open-addressing hash table over kKeywords, built once.
class KeywordTable {
 public:
  static constexpr size_t kSlots = 2048;  // > 3x the number of keywords

  KeywordTable() {
    slots_.fill(-1);
    for (size_t i = 0; i < kNumKeywords; ++i) {
      size_t s = HashUpper(kKeywords[i].word) & (kSlots - 1);
      while (slots_[s] >= 0) s = (s + 1) & (kSlots - 1);
      slots_[s] = static_cast<int16_t>(i);
    }
  }

  const KeywordEntry* Find(std::string_view w) const {
    if (w.empty() || w.size() > kMaxKeywordLength) return nullptr;
    size_t s = HashUpper(w) & (kSlots - 1);
    while (slots_[s] >= 0) {
      const KeywordEntry& e = kKeywords[slots_[s]];
      if (EqualsUpper(w, e.word)) return &e;
      s = (s + 1) & (kSlots - 1);
    }
    return nullptr;
  }

 private:
  static bool EqualsUpper(std::string_view w, const char* upper) {
    size_t i = 0;
    for (; i < w.size(); ++i) {
      if (upper[i] == '\0' || ToUpper(w[i]) != upper[i]) return false;
    }
    return upper[i] == '\0';
  }

  std::array<int16_t, kSlots> slots_;
};

const KeywordTable& Keywords() {
  static const KeywordTable table;
  return table;
}

// Character sets an introducer (_name) may name (MariaDB 10.11's list).
constexpr std::string_view kCharsets[] = {
    "armscii8", "ascii",    "big5",  "binary",  "cp1250",  "cp1251",  "cp1256",
    "cp1257",   "cp850",    "cp852", "cp866",   "cp932",   "dec8",    "eucjpms",
    "euckr",    "gb2312",   "gbk",   "geostd8", "greek",   "hebrew",  "hp8",
    "keybcs2",  "koi8r",    "koi8u", "latin1",  "latin2",  "latin5",  "latin7",
    "macce",    "macroman", "sjis",  "swe7",    "tis620",  "ucs2",    "ujis",
    "utf16",    "utf16le",  "utf32", "utf8",    "utf8mb3", "utf8mb4", "filename",
};

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// Characters of an unquoted identifier (MySQL's ident_map for utf8mb4).
inline bool IsIdentByte(char c) {
  uint8_t u = static_cast<uint8_t>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
         u == '$' || u >= 0x80;
}
inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

}  // namespace

Lexer::Lexer(std::string_view input, LexerOptions options) : in_(input), opts_(options) {}

Kw Lexer::LookupKeyword(std::string_view word, bool* reserved) {
  const KeywordEntry* e = Keywords().Find(word);
  if (reserved != nullptr) *reserved = e != nullptr && e->reserved;
  return e != nullptr ? e->kw : Kw::kNone;
}

std::string_view Lexer::KeywordText(Kw kw) {
  size_t i = static_cast<size_t>(kw);
  if (i == 0 || i > kNumKeywords) return {};
  return kKeywords[i - 1].word;
}

bool Lexer::IsCharsetName(std::string_view name) {
  for (std::string_view cs : kCharsets) {
    if (cs.size() != name.size()) continue;
    bool eq = true;
    for (size_t i = 0; i < cs.size() && eq; ++i) eq = ToLower(name[i]) == cs[i];
    if (eq) return true;
  }
  return false;
}

bool Lexer::IsIdentChar(size_t pos) const { return pos < in_.size() && IsIdentByte(in_[pos]); }

Token Lexer::Make(TokenType type, size_t start) {
  Token t;
  t.type = type;
  t.offset = static_cast<uint32_t>(start);
  t.length = static_cast<uint32_t>(pos_ - start);
  t.line = line_;
  t.after_comment = after_comment_;
  after_comment_ = false;
  return t;
}

// Skips whitespace, comments and executable-comment markers. Returns false
// with `*error` set if a comment is unterminated.
bool Lexer::SkipSpaceAndComments(Token* error) {
  const size_t n = in_.size();
  while (pos_ < n) {
    char c = in_[pos_];
    if (IsSpace(c)) {
      if (c == '\n') ++line_;
      ++pos_;
      continue;
    }
    if (c == '#' ||
        (c == '-' && pos_ + 1 < n && in_[pos_ + 1] == '-' &&
         (pos_ + 2 >= n || IsSpace(in_[pos_ + 2]) || static_cast<uint8_t>(in_[pos_ + 2]) < 32))) {
      while (pos_ < n && in_[pos_] != '\n') ++pos_;
      after_comment_ = true;
      continue;
    }
    if (c == '*' && in_exec_comment_ && pos_ + 1 < n && in_[pos_ + 1] == '/') {
      pos_ += 2;
      in_exec_comment_ = false;
      continue;
    }
    if (c == '/' && pos_ + 1 < n && in_[pos_ + 1] == '*') {
      size_t start = pos_;
      uint32_t start_line = line_;
      bool exec = pos_ + 2 < n && in_[pos_ + 2] == '!';
      bool maria = !exec && pos_ + 3 < n && in_[pos_ + 2] == 'M' && in_[pos_ + 3] == '!';
      if (exec || maria) {
        size_t p = pos_ + (maria ? 4 : 3);
        bool versioned = p + 5 <= n;
        for (size_t i = 0; versioned && i < 5; ++i) versioned = IsDigit(in_[p + i]);
        if (!versioned) {
          pos_ = p;
          in_exec_comment_ = true;
          continue;
        }
        size_t len = (p + 5 < n && IsDigit(in_[p + 5])) ? 6 : 5;
        uint32_t version = 0;
        for (size_t i = 0; i < len; ++i)
          version = version * 10 + static_cast<uint32_t>(in_[p + i] - '0');
        if (version <= kServerVersionId && (version < 50700 || version > 99999 || maria)) {
          pos_ = p + len;
          in_exec_comment_ = true;
          continue;
        }
        // A version we do not have: skip it like a comment. One level of
        // nested comment is allowed inside (MariaDB consume_comment(1)).
        pos_ = p + len;
        int depth = 0;
        bool closed = false;
        while (pos_ + 1 < n) {
          if (in_[pos_] == '\n') ++line_;
          if (in_[pos_] == '/' && in_[pos_ + 1] == '*' && depth == 0) {
            depth = 1;
            pos_ += 2;
            continue;
          }
          if (in_[pos_] == '*' && in_[pos_ + 1] == '/') {
            pos_ += 2;
            if (depth == 0) {
              closed = true;
              break;
            }
            --depth;
            continue;
          }
          ++pos_;
        }
        if (!closed) {
          pos_ = n;
          *error = Token{TokenType::kError,
                         Kw::kNone,
                         false,
                         after_comment_,
                         static_cast<uint32_t>(start),
                         static_cast<uint32_t>(n - start),
                         start_line};
          return false;
        }
        after_comment_ = true;
        continue;
      }
      // Plain comment.
      size_t p = pos_ + 2;
      bool closed = false;
      while (p + 1 < n) {
        if (in_[p] == '*' && in_[p + 1] == '/') {
          closed = true;
          break;
        }
        if (in_[p] == '\n') ++line_;
        ++p;
      }
      if (!closed) {
        pos_ = n;
        *error = Token{TokenType::kError,
                       Kw::kNone,
                       false,
                       after_comment_,
                       static_cast<uint32_t>(start),
                       static_cast<uint32_t>(n - start),
                       start_line};
        return false;
      }
      pos_ = p + 2;
      after_comment_ = true;
      continue;
    }
    break;
  }
  return true;
}

Token Lexer::Next() {
  Token err;
  if (!SkipSpaceAndComments(&err)) {
    ident_sep_ = next_is_ident_ = false;
    return err;
  }
  const size_t n = in_.size();
  const size_t start = pos_;
  bool force_ident = next_is_ident_;
  next_is_ident_ = false;
  if (ident_sep_) {  // the previous token was an identifier directly followed by ".x"
    ident_sep_ = false;
    ++pos_;
    next_is_ident_ = true;
    return Make(TokenType::kDot, start);
  }
  if (pos_ >= n) {
    if (in_exec_comment_) {  // unterminated /*! ... : MariaDB rejects it at the end
      in_exec_comment_ = false;
      return Make(TokenType::kError, start);
    }
    return Make(TokenType::kEnd, start);
  }
  char c = in_[pos_];
  if (force_ident && IsIdentByte(c)) {
    while (IsIdentChar(pos_)) ++pos_;
    Token t = Make(TokenType::kIdent, start);
    if (pos_ + 1 < n && in_[pos_] == '.' && (IsIdentByte(in_[pos_ + 1]) || in_[pos_ + 1] == '`'))
      ident_sep_ = true;
    return t;
  }
  if (IsDigit(c)) return LexNumber(start);
  if (IsIdentByte(c)) return LexWord(start);
  char c1 = pos_ + 1 < n ? in_[pos_ + 1] : '\0';
  char c2 = pos_ + 2 < n ? in_[pos_ + 2] : '\0';
  switch (c) {
    case '\'': return LexQuoted(start, '\'', TokenType::kString);
    case '"':
      return LexQuoted(start, '"',
                       opts_.ansi_quotes ? TokenType::kQuotedIdent : TokenType::kString);
    case '`': return LexQuoted(start, '`', TokenType::kQuotedIdent);
    case '.':
      if (IsDigit(c1)) return LexNumber(start);
      ++pos_;
      return Make(TokenType::kDot, start);
    case '@': {
      if (c1 == '@') {
        pos_ += 2;
        return Make(TokenType::kAtAt, start);
      }
      if (c1 == '\'' || c1 == '"' || c1 == '`') {
        Token q = LexQuoted(pos_ + 1, c1, TokenType::kUserVar);
        q.offset = static_cast<uint32_t>(start);
        q.length += 1;
        return q;
      }
      ++pos_;
      while (pos_ < n && (IsIdentByte(in_[pos_]) || in_[pos_] == '.')) ++pos_;
      if (pos_ == start + 1) return Make(TokenType::kAt, start);
      return Make(TokenType::kUserVar, start);
    }
    case '?': ++pos_; return Make(TokenType::kPlaceholder, start);
    case '(': ++pos_; return Make(TokenType::kLParen, start);
    case ')': ++pos_; return Make(TokenType::kRParen, start);
    case ',': ++pos_; return Make(TokenType::kComma, start);
    case ';': ++pos_; return Make(TokenType::kSemicolon, start);
    case '*': ++pos_; return Make(TokenType::kStar, start);
    case '+': ++pos_; return Make(TokenType::kPlus, start);
    case '/': ++pos_; return Make(TokenType::kSlash, start);
    case '%': ++pos_; return Make(TokenType::kPercent, start);
    case '~': ++pos_; return Make(TokenType::kTilde, start);
    case '^': ++pos_; return Make(TokenType::kCaret, start);
    case '{': ++pos_; return Make(TokenType::kLBrace, start);
    case '}': ++pos_; return Make(TokenType::kRBrace, start);
    case '-':
      if (c1 == '>') {
        pos_ += c2 == '>' ? 3 : 2;
        return Make(c2 == '>' ? TokenType::kArrow2 : TokenType::kArrow, start);
      }
      ++pos_;
      return Make(TokenType::kMinus, start);
    case '=': ++pos_; return Make(TokenType::kEq, start);
    case '<':
      if (c1 == '=' && c2 == '>') {
        pos_ += 3;
        return Make(TokenType::kNullSafeEq, start);
      }
      if (c1 == '=') {
        pos_ += 2;
        return Make(TokenType::kLe, start);
      }
      if (c1 == '>') {
        pos_ += 2;
        return Make(TokenType::kNe, start);
      }
      if (c1 == '<') {
        pos_ += 2;
        return Make(TokenType::kShiftLeft, start);
      }
      ++pos_;
      return Make(TokenType::kLt, start);
    case '>':
      if (c1 == '=') {
        pos_ += 2;
        return Make(TokenType::kGe, start);
      }
      if (c1 == '>') {
        pos_ += 2;
        return Make(TokenType::kShiftRight, start);
      }
      ++pos_;
      return Make(TokenType::kGt, start);
    case '!':
      if (c1 == '=') {
        pos_ += 2;
        return Make(TokenType::kNe, start);
      }
      ++pos_;
      return Make(TokenType::kBang, start);
    case '&':
      if (c1 == '&') {
        pos_ += 2;
        return Make(TokenType::kAndAnd, start);
      }
      ++pos_;
      return Make(TokenType::kAmp, start);
    case '|':
      if (c1 == '|') {
        pos_ += 2;
        return Make(TokenType::kOrOr, start);
      }
      ++pos_;
      return Make(TokenType::kPipe, start);
    case ':':
      if (c1 == '=') {
        pos_ += 2;
        return Make(TokenType::kAssign, start);
      }
      ++pos_;
      return Make(TokenType::kColon, start);
    default: ++pos_; return Make(TokenType::kError, start);
  }
}

// A word starting with a letter, '_', '$' or a byte >= 0x80.
Token Lexer::LexWord(size_t start) {
  const size_t n = in_.size();
  char c = in_[start];
  char c1 = start + 1 < n ? in_[start + 1] : '\0';
  if (c1 == '\'') {
    if (c == 'N' || c == 'n') {
      pos_ = start + 1;
      Token t = LexQuoted(pos_, '\'', TokenType::kNationalString);
      t.offset = static_cast<uint32_t>(start);
      t.length += 1;
      return t;
    }
    if (c == 'X' || c == 'x' || c == 'B' || c == 'b') {
      bool hex = c == 'X' || c == 'x';
      size_t p = start + 2;
      size_t digits = 0;
      bool ok = true;
      while (p < n && in_[p] != '\'') {
        ok = ok && (hex ? IsHexDigit(in_[p]) : (in_[p] == '0' || in_[p] == '1'));
        ++p;
        ++digits;
      }
      if (p >= n) ok = false;
      if (hex && digits % 2 != 0) ok = false;
      pos_ = p < n ? p + 1 : n;
      return Make(ok ? (hex ? TokenType::kHexString : TokenType::kBitString) : TokenType::kError,
                  start);
    }
  }
  pos_ = start;
  while (IsIdentChar(pos_)) ++pos_;
  Token t = Make(TokenType::kIdent, start);
  std::string_view word = in_.substr(start, pos_ - start);
  if (word.size() > 1 && word[0] == '_' && IsCharsetName(word.substr(1))) {
    t.type = TokenType::kIntroducer;
  } else {
    const KeywordEntry* e = Keywords().Find(word);
    if (e != nullptr) {
      t.kw = e->kw;
      t.reserved = e->reserved;
    }
  }
  if (pos_ + 1 < n && in_[pos_] == '.' && (IsIdentByte(in_[pos_ + 1]) || in_[pos_ + 1] == '`'))
    ident_sep_ = true;
  return t;
}

// A token starting with a digit, or '.' followed by a digit: a number, a
// 0x/0b literal, or an identifier that merely starts with digits (123abc).
Token Lexer::LexNumber(size_t start) {
  const size_t n = in_.size();
  pos_ = start;
  auto word_tail = [&]() -> Token {  // finish as an identifier
    while (IsIdentChar(pos_)) ++pos_;
    Token t = Make(TokenType::kIdent, start);
    if (pos_ + 1 < n && in_[pos_] == '.' && (IsIdentByte(in_[pos_ + 1]) || in_[pos_ + 1] == '`'))
      ident_sep_ = true;
    return t;
  };
  if (in_[start] == '0' && start + 1 < n && (in_[start + 1] == 'x' || in_[start + 1] == 'b')) {
    bool hex = in_[start + 1] == 'x';
    size_t p = start + 2;
    while (p < n && (hex ? IsHexDigit(in_[p]) : (in_[p] == '0' || in_[p] == '1'))) ++p;
    if (p > start + 2 && !(p < n && IsIdentByte(in_[p]))) {
      pos_ = p;
      return Make(hex ? TokenType::kHexString : TokenType::kBitString, start);
    }
    pos_ = start;
    return word_tail();
  }
  TokenType type = TokenType::kInteger;
  while (pos_ < n && IsDigit(in_[pos_])) ++pos_;
  if (pos_ < n && in_[pos_] == '.') {
    // "1." "1.5" ".5": a decimal. (An identifier followed by '.' never gets here.)
    ++pos_;
    while (pos_ < n && IsDigit(in_[pos_])) ++pos_;
    type = TokenType::kDecimal;
  }
  if (pos_ < n && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
    size_t p = pos_ + 1;
    if (p < n && (in_[p] == '+' || in_[p] == '-')) ++p;
    if (p < n && IsDigit(in_[p])) {
      while (p < n && IsDigit(in_[p])) ++p;
      pos_ = p;
      if (type == TokenType::kInteger && IsIdentChar(pos_)) return word_tail();  // 1e5x
      type = TokenType::kFloat;
    }
  }
  // Digits followed by identifier characters (123abc, 1e): an identifier.
  if (type == TokenType::kInteger && IsIdentChar(pos_)) return word_tail();
  return Make(type, start);
}

// A quoted token starting at `start` (the opening quote). Doubled quotes
// and (for '...' and "..." strings) backslash escapes stay inside.
Token Lexer::LexQuoted(size_t start, char quote, TokenType type) {
  const size_t n = in_.size();
  bool backslash = !opts_.no_backslash_escapes && quote != '`' && type != TokenType::kQuotedIdent;
  size_t p = start + 1;
  while (p < n) {
    char ch = in_[p];
    if (backslash && ch == '\\' && p + 1 < n) {
      p += 2;
      continue;
    }
    if (ch == quote) {
      if (p + 1 < n && in_[p + 1] == quote) {
        p += 2;
        continue;
      }
      pos_ = p + 1;
      Token t = Make(type, start);
      if ((type == TokenType::kQuotedIdent) && pos_ + 1 < n && in_[pos_] == '.' &&
          (IsIdentByte(in_[pos_ + 1]) || in_[pos_ + 1] == '`'))
        ident_sep_ = true;
      return t;
    }
    ++p;
  }
  pos_ = n;
  return Make(TokenType::kError, start);
}

void Lexer::Tokenize(std::string_view input, LexerOptions options, std::vector<Token>* out) {
  out->clear();
  out->reserve(input.size() / 4 + 8);
  Lexer lex(input, options);
  for (;;) {
    Token t = lex.Next();
    out->push_back(t);
    if (t.type == TokenType::kEnd) break;
  }
}

std::string Lexer::DecodeString(std::string_view input, const Token& t, bool no_backslash_escapes) {
  std::string_view raw = Text(input, t);
  if (t.type == TokenType::kNationalString) raw.remove_prefix(1);
  if (raw.size() < 2) return {};
  char quote = raw[0];
  raw = raw.substr(1, raw.size() - 2);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char ch = raw[i];
    if (ch == quote && i + 1 < raw.size() && raw[i + 1] == quote) {
      out.push_back(quote);
      ++i;
      continue;
    }
    if (ch == '\\' && !no_backslash_escapes && i + 1 < raw.size()) {
      char e = raw[++i];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case '0': out.push_back('\0'); break;
        case 'Z': out.push_back('\032'); break;
        case '%':
        case '_':  // kept with the backslash, for LIKE patterns
          out.push_back('\\');
          out.push_back(e);
          break;
        default: out.push_back(e); break;
      }
      continue;
    }
    out.push_back(ch);
  }
  return out;
}

std::string Lexer::DecodeIdent(std::string_view input, const Token& t) {
  std::string_view raw = Text(input, t);
  if (t.type != TokenType::kQuotedIdent || raw.size() < 2) return std::string(raw);
  char quote = raw[0];
  raw = raw.substr(1, raw.size() - 2);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    out.push_back(raw[i]);
    if (raw[i] == quote && i + 1 < raw.size() && raw[i + 1] == quote) ++i;
  }
  return out;
}

std::string Lexer::DecodeUserVar(std::string_view input, const Token& t,
                                 bool no_backslash_escapes) {
  std::string_view raw = Text(input, t);
  if (raw.size() < 2) return {};
  char q = raw[1];
  if (q == '`') {
    Token inner = t;
    inner.type = TokenType::kQuotedIdent;
    inner.offset += 1;
    inner.length -= 1;
    return DecodeIdent(input, inner);
  }
  if (q == '\'' || q == '"') {
    Token inner = t;
    inner.type = TokenType::kString;
    inner.offset += 1;
    inner.length -= 1;
    return DecodeString(input, inner, no_backslash_escapes);
  }
  return std::string(raw.substr(1));
}

std::string Lexer::DecodeHex(std::string_view input, const Token& t) {
  std::string_view raw = Text(input, t);
  std::string_view digits =
      (raw.size() >= 2 && raw[1] == '\'') ? raw.substr(2, raw.size() - 3) : raw.substr(2);
  std::string out;
  out.reserve(digits.size() / 2 + 1);
  size_t i = 0;
  if (digits.size() % 2 != 0) {
    out.push_back(static_cast<char>(HexValue(digits[0])));
    i = 1;
  }
  while (i + 1 < digits.size()) {
    out.push_back(static_cast<char>(HexValue(digits[i]) * 16 + HexValue(digits[i + 1])));
    i += 2;
  }
  return out;
}

std::string Lexer::DecodeBits(std::string_view input, const Token& t) {
  std::string_view raw = Text(input, t);
  std::string_view digits =
      (raw.size() >= 2 && raw[1] == '\'') ? raw.substr(2, raw.size() - 3) : raw.substr(2);
  // Strip leading zeros, then pack 8 bits per byte from the right.
  size_t first = digits.find('1');
  if (first == std::string_view::npos) return digits.empty() ? std::string() : std::string(1, '\0');
  digits = digits.substr(first);
  size_t nbytes = (digits.size() + 7) / 8;
  std::string out(nbytes, '\0');
  for (size_t i = 0; i < digits.size(); ++i) {
    size_t bit = digits.size() - 1 - i;  // bit index from the right
    if (digits[i] == '1') out[nbytes - 1 - bit / 8] |= static_cast<char>(1u << (bit % 8));
  }
  return out;
}

}  // namespace relaydb::sql
