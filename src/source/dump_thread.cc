// BinlogDumpService and the Binlog Dump thread. See dump_thread.h.
//
// The facts below were established against mariadbd 10.11.19 (a probe that
// sends COM_BINLOG_DUMP and prints the packets) and MariaDB's sql_repl.cc:
//
// * Fake Rotate: timestamp 0, type 4, the source's server_id, log_pos 0,
//   flags LOG_EVENT_ARTIFICIAL_F; body = position u64 + bare file name; a
//   CRC32 only if the replica set @master_binlog_checksum to CRC32 (the first
//   one) or the previous file's Format_description says CRC32 (later ones).
// * Format_description: LOG_EVENT_BINLOG_IN_USE_F cleared (its CRC is
//   computed with the flag clear, so it stays valid). When the dump starts
//   past position 4, log_pos and the create timestamp are zeroed (the replica
//   must not move its position or drop its temporary tables) and the CRC is
//   recomputed — only when the file is CRC32, as MariaDB's fix_checksum().
// * Heartbeat: timestamp 0, type 27, the source's server_id, log_pos = the
//   position reached, flags 0 (not artificial), body = bare file name, CRC32
//   when the current file has them. Sent after heartbeat_period of idleness.
// * At a switch of file MariaDB sends a new fake Rotate (position 4) and the
//   new file's Format_description, after the old file's own Rotate.
// * End of log without blocking: EOF packet fe 00 00 00 00.
// * KILL and shutdown: the connection is closed, nothing is sent.
//
// States of a dump thread:
//
//   start ──▶ sending ◀──────────▶ waiting (caught up, blocking mode;
//               │  ▲                 heartbeats, kill and socket polls)
//               ▼  │
//            switching (next file: fake Rotate + Format_description)
//   any ──(error / kill / EOF / shutdown)──▶ finalizing ──▶ return
#include "source/dump_thread.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "binlog/binlog_index.h"
#include "binlog/binlog_reader.h"
#include "binlog/event_header.h"
#include "binlog/events.h"
#include "common/bytes.h"
#include "common/logging.h"
#include "wire/messages.h"

namespace relaydb::source {
namespace {

using binlog::ChecksumAlg;
using Clock = std::chrono::steady_clock;

constexpr uint8_t kComBinlogDumpByte = 0x12;
constexpr uint16_t kErMasterFatalErrorReadingBinlog = 1236;
constexpr uint16_t kErSlaveSameId = 4052;

// Layout constants of the events rewritten here (MariaDB's log_event.h).
constexpr size_t kQueryPostHeaderLen = 13;  // thread_id, exec_time, db_len, error, status_len
constexpr size_t kMinUserVarEventLen = binlog::kHeaderSize + 4 + 1 + 1;                  // 25
constexpr size_t kMinQueryEventLen = binlog::kHeaderSize + kQueryPostHeaderLen + 1 + 1;  // 34
constexpr size_t kFdeCreatedOffset = binlog::kHeaderSize + 2 + binlog::kServerVersionSize;
constexpr uint8_t kQTimeZoneCode = 5;
constexpr uint64_t kMaxAllowedEventData = uint64_t{1} << 30;  // MAX_MAX_ALLOWED_PACKET

std::string Basename(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

bool HasCrc(ChecksumAlg alg) { return alg == ChecksumAlg::kCrc32; }

void Store16(std::string* s, size_t off, uint16_t v) {
  (*s)[off] = static_cast<char>(v & 0xff);
  (*s)[off + 1] = static_cast<char>(v >> 8);
}
void Store32(std::string* s, size_t off, uint32_t v) {
  for (int i = 0; i < 4; i++) (*s)[off + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
uint16_t Load16(const std::string& s, size_t off) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[off]) | static_cast<uint8_t>(s[off + 1])
                                                                  << 8);
}

// Recomputes the CRC32 at the end of `ev` (the whole event) when `alg` says
// events carry one.
void FixChecksum(std::string* ev, ChecksumAlg alg) {
  if (!HasCrc(alg) || ev->size() < binlog::kHeaderSize + binlog::kChecksumSize) return;
  const size_t data_len = ev->size() - binlog::kChecksumSize;
  Store32(ev, data_len, binlog::Crc32(std::string_view(*ev).substr(0, data_len)));
}

// The flags every substitute event gets (Query_log_event::dummy_event).
void MarkSubstitute(std::string* ev) {
  uint16_t flags = Load16(*ev, binlog::kFlagsOffset);
  flags &= ~binlog::kLogEventThreadSpecificF;
  flags |= binlog::kLogEventSuppressUseF;
  Store16(ev, binlog::kFlagsOffset, flags);
}

// Writes an empty Query post-header (thread 0, exec_time 0, no db, error 0)
// with `status_len` bytes of status variables to follow.
void WriteEmptyQueryHeader(std::string* ev, uint16_t status_len) {
  ev->replace(binlog::kHeaderSize, kQueryPostHeaderLen, kQueryPostHeaderLen, '\0');
  Store16(ev, binlog::kHeaderSize + 11, status_len);
}

// Replaces `ev` in place by a no-op event of the same size that any replica
// understands: a Query holding a comment, or (below 34 bytes) a NULL
// User_var. False if the event is too short (< 25 bytes without CRC).
bool MakeDummyEvent(std::string* ev, ChecksumAlg alg) {
  const size_t crc_len = HasCrc(alg) ? binlog::kChecksumSize : 0;
  if (ev->size() < kMinUserVarEventLen + crc_len) return false;
  const size_t data_len = ev->size() - crc_len;
  MarkSubstitute(ev);
  const uint8_t old_type = static_cast<uint8_t>((*ev)[binlog::kTypeOffset]);
  if (data_len < kMinQueryEventLen) {
    static constexpr std::string_view kVarName = "!dummyvar";
    const size_t name_len = data_len - (kMinUserVarEventLen - 1);
    (*ev)[binlog::kTypeOffset] = static_cast<char>(binlog::kUserVarEvent);
    Store32(ev, binlog::kHeaderSize, static_cast<uint32_t>(name_len));
    ev->replace(binlog::kHeaderSize + 4, name_len, kVarName.substr(0, name_len));
    (*ev)[binlog::kHeaderSize + 4 + name_len] = 1;  // is_null
  } else {
    const std::string text = "# Dummy event replacing event type " + std::to_string(old_type) +
                             " that slave cannot handle.";
    (*ev)[binlog::kTypeOffset] = static_cast<char>(binlog::kQueryEvent);
    WriteEmptyQueryHeader(ev, 0);
    (*ev)[binlog::kHeaderSize + kQueryPostHeaderLen] = 0;  // empty db, NUL
    const size_t comment_len = data_len - (kMinQueryEventLen - 1);
    std::string comment = text.substr(0, std::min(comment_len, text.size()));
    comment.resize(comment_len, ' ');
    ev->replace(kMinQueryEventLen - 1, comment_len, comment);
  }
  FixChecksum(ev, alg);
  return true;
}

// Replaces a Gtid event opening a group by a Query "BEGIN" of the same size
// (Query_log_event::begin_event): only the two Gtid sizes MariaDB knows, 38
// and 40 bytes without CRC (with commit_id), the latter padded with an empty
// time_zone status variable. False otherwise.
bool MakeBeginEvent(std::string* ev, ChecksumAlg alg) {
  const size_t crc_len = HasCrc(alg) ? binlog::kChecksumSize : 0;
  if (ev->size() < crc_len) return false;
  const size_t data_len = ev->size() - crc_len;
  constexpr size_t kGtidLen = binlog::kHeaderSize + binlog::kGtidPostHeaderSize;
  if (data_len != kGtidLen && data_len != kGtidLen + 2) return false;
  MarkSubstitute(ev);
  (*ev)[binlog::kTypeOffset] = static_cast<char>(binlog::kQueryEvent);
  size_t p = binlog::kHeaderSize + kQueryPostHeaderLen;
  if (data_len == kGtidLen) {
    WriteEmptyQueryHeader(ev, 0);
  } else {
    WriteEmptyQueryHeader(ev, 2);
    (*ev)[p++] = static_cast<char>(kQTimeZoneCode);
    (*ev)[p++] = 0;  // empty time zone name
  }
  (*ev)[p++] = 0;  // empty db, NUL
  ev->replace(p, 5, "BEGIN");
  FixChecksum(ev, alg);
  return true;
}

// An event made up by the dump thread: timestamp 0, the source's server_id.
std::string MadeUpEvent(uint8_t type, uint32_t server_id, uint32_t log_pos, uint16_t flags,
                        std::string_view body, ChecksumAlg alg) {
  binlog::EventHeader h;
  h.timestamp = 0;
  h.type = type;
  h.server_id = server_id;
  h.log_pos = log_pos;
  h.flags = flags;
  return binlog::EncodeEvent(h, body, HasCrc(alg) ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff);
}

std::string FakeRotateEvent(uint32_t server_id, const std::string& file, uint64_t pos,
                            ChecksumAlg alg) {
  std::string body;
  ByteWriter w(&body);
  w.U64(pos);
  w.Bytes(file);
  return MadeUpEvent(binlog::kRotateEvent, server_id, 0, binlog::kLogEventArtificialF, body, alg);
}

std::string HeartbeatEvent(uint32_t server_id, const std::string& file, uint64_t pos,
                           ChecksumAlg alg) {
  // MariaDB puts positions past 4 GiB in an 8-byte sub-header with log_pos
  // 0; binlog files never get that big here (max_binlog_size <= 1 GiB).
  return MadeUpEvent(binlog::kHeartbeatEvent, server_id, static_cast<uint32_t>(pos), 0, file, alg);
}

// True if the other end of `fd` has closed (or reset) the connection. The
// replica sends nothing during a dump, so readable-with-EOF means gone.
bool PeerGone(int fd) {
  pollfd p{fd, POLLIN | POLLRDHUP, 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  if (p.revents & (POLLHUP | POLLRDHUP | POLLERR | POLLNVAL)) return true;
  if (p.revents & POLLIN) {
    char c;
    return ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
  }
  return false;
}

// Why the event at `pos` of `path` could not be read, in MariaDB's words
// (set_read_error), and how far MariaDB's read got (its "last byte read").
struct ReadFailure {
  std::string text;
  uint64_t last_byte = 0;
};
ReadFailure ClassifyReadFailure(const std::string& path, uint64_t pos, uint64_t limit) {
  const uint64_t after_header = pos + binlog::kHeaderSize;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {"I/O error reading log event", pos};
  char header[binlog::kHeaderSize];
  const ssize_t n = ::pread(fd, header, sizeof(header), static_cast<off_t>(pos));
  const off_t size = ::lseek(fd, 0, SEEK_END);
  ::close(fd);
  if (n < 0 || size < 0) return {"I/O error reading log event", pos};
  limit = std::min(limit, static_cast<uint64_t>(size));
  if (static_cast<size_t>(n) < sizeof(header) || after_header > limit) {
    return {"binlog truncated in the middle of event; consider out of disk space on master",
            std::min(after_header, limit)};
  }
  binlog::EventHeader h;
  if (!binlog::DecodeHeader(std::string_view(header, sizeof(header)), &h).ok() ||
      h.event_size < binlog::kHeaderSize) {
    return {"bogus data in log event", after_header};
  }
  if (h.event_size > kMaxAllowedEventData) {
    return {"log event entry exceeded max_allowed_packet; Increase max_allowed_packet on master",
            after_header};
  }
  if (pos + h.event_size > limit) {
    return {"binlog truncated in the middle of event; consider out of disk space on master",
            after_header};
  }
  // It frames; what failed is its checksum or its body.
  return {"event read from binlog did not pass crc check", pos + h.event_size};
}

// Log_event::is_part_of_group(): events that belong to the statement after
// them, so that skipping a standalone group goes on past them.
bool IsPartOfGroup(uint8_t type) {
  switch (type) {
    case binlog::kGtidEvent:
    case binlog::kIntvarEvent:
    case binlog::kRandEvent:
    case binlog::kUserVarEvent:
    case binlog::kTableMapEvent:
    case binlog::kAnnotateRowsEvent:
      return true;
    default:
      return false;
  }
}

// Query_log_event::peek_is_commit_rollback(): the statement (after the empty
// or named db's NUL) is exactly COMMIT or ROLLBACK.
bool IsCommitOrRollback(const std::string& ev, ChecksumAlg alg) {
  size_t len = ev.size();
  if (HasCrc(alg)) len = len > binlog::kChecksumSize ? len - binlog::kChecksumSize : 0;
  if (len < binlog::kHeaderSize + kQueryPostHeaderLen || len < 9) return false;
  const std::string_view data(ev.data(), len);
  return data.substr(len - 7) == std::string_view("\0COMMIT", 7) ||
         data.substr(len - 9) == std::string_view("\0ROLLBACK", 9);
}

// The Gtid_list a dump thread makes up when a GTID-connected replica reaches
// its position (fake_gtid_list_event): artificial, log_pos = the end of the
// event it follows.
std::string FakeGtidListEvent(uint32_t server_id, const std::vector<binlog::Gtid>& gtids,
                              uint32_t log_pos, ChecksumAlg alg) {
  std::string body;
  ByteWriter w(&body);
  w.U32(static_cast<uint32_t>(gtids.size()) & 0x0fffffff);
  if (gtids.empty()) w.Zeros(2);  // MariaDB's padding of an empty list
  for (const binlog::Gtid& g : gtids) {
    w.U32(g.domain_id);
    w.U32(g.server_id);
    w.U64(g.seq_no);
  }
  return MadeUpEvent(binlog::kGtidListEvent, server_id, log_pos, binlog::kLogEventArtificialF, body,
                     alg);
}

// The Gtid_list at the head of `file` (get_gtid_list_event): nullopt for a
// file without one (an old binlog), an error text if it cannot be read.
Result<std::optional<std::vector<binlog::Gtid>>> ReadHeadGtidList(const DumpSourceInfo& info,
                                                                  const std::string& file) {
  const Status unreadable = Status::Corruption(
      "Could not read GTID list event while looking for GTID position in binlog");
  binlog::BinlogReader reader(info.dir, info.index_path, nullptr);
  if (!reader.Open(file).ok()) {
    return Status::Corruption(
        "Could not read format description log event while looking for GTID position in "
        "binlog");
  }
  binlog::ReadEvent ev;
  while (true) {
    auto outcome = reader.Next(&ev);
    if (!outcome.ok() || *outcome == binlog::BinlogReader::Outcome::kEndOfLog || ev.file != file) {
      return unreadable;
    }
    switch (ev.header.type) {
      case binlog::kGtidListEvent: {
        auto view = binlog::FrameEvent(ev.bytes, reader.format_description().checksummed()
                                                     ? ChecksumAlg::kCrc32
                                                     : ChecksumAlg::kOff);
        if (!view.ok()) return unreadable;
        auto list = binlog::GtidListEvent::Decode(view->body, reader.format_description());
        if (!list.ok()) return unreadable;
        return std::optional<std::vector<binlog::Gtid>>(list->gtids);
      }
      case binlog::kFormatDescriptionEvent:
      case binlog::kRotateEvent:
      case binlog::kStopEvent:
      case binlog::kStartEncryptionEvent:
        continue;
      default:
        return std::optional<std::vector<binlog::Gtid>>();
    }
  }
}

// @@gtid_binlog_state rebuilt from the last file of the index: its head
// Gtid_list and the Gtid events after it.
binlog::GtidBinlogState StateFromLastFile(const DumpSourceInfo& info) {
  binlog::GtidBinlogState state;
  auto index = binlog::BinlogIndex::Load(info.index_path);
  if (!index.ok() || index->empty()) return state;
  const std::string last = index->files().back();
  binlog::BinlogReader reader(info.dir, info.index_path, nullptr);
  if (!reader.Open(last).ok()) return state;
  binlog::ReadEvent ev;
  while (true) {
    auto outcome = reader.Next(&ev);
    if (!outcome.ok() || *outcome == binlog::BinlogReader::Outcome::kEndOfLog || ev.file != last) {
      break;
    }
    auto parsed = binlog::ParseEvent(ev.bytes, reader.format_description(), ev.start);
    if (!parsed.ok()) break;
    if (const auto* list = parsed->As<binlog::GtidListEvent>()) state.Load(list->gtids);
    if (const auto* g = parsed->As<binlog::GtidEvent>()) state.Update(g->gtid(ev.header.server_id));
  }
  return state;
}

// The last GTID `server_id` logged in `domain_id` (find_in_binlog_state).
std::optional<binlog::Gtid> FindInState(const binlog::GtidBinlogState& state, uint32_t domain_id,
                                        uint32_t server_id) {
  for (const binlog::Gtid& g : state.List()) {
    if (g.domain_id == domain_id && g.server_id == server_id) return g;
  }
  return std::nullopt;
}

// slave_connection_state::load(): "D-S-N" items joined by commas, each
// number read as my_strtoll10 does (leading blanks and a '+' allowed, no
// trailing ones, domain and server ids below 2^32). A repeated domain is an
// error of its own.
Status ParseSlaveConnectState(std::string_view text, std::vector<binlog::Gtid>* out) {
  const Status bad = Status::SqlError(1941, "HY000", "Could not parse GTID list");
  size_t p = 0;
  auto number = [&](uint64_t max, uint64_t* v) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) p++;
    if (p < text.size() && text[p] == '+') p++;
    const size_t digits = p;
    uint64_t n = 0;
    for (; p < text.size() && text[p] >= '0' && text[p] <= '9'; p++) {
      const uint64_t d = static_cast<uint64_t>(text[p] - '0');
      if (n > (UINT64_MAX - d) / 10) return false;
      n = n * 10 + d;
    }
    *v = n;
    return p > digits && n <= max;
  };
  if (text.empty()) return Status::Ok();
  while (true) {
    uint64_t d = 0, sid = 0, seq = 0;
    if (!number(UINT32_MAX, &d) || p >= text.size() || text[p++] != '-' ||
        !number(UINT32_MAX, &sid) || p >= text.size() || text[p++] != '-' ||
        !number(UINT64_MAX, &seq)) {
      return bad;
    }
    const binlog::Gtid g{static_cast<uint32_t>(d), static_cast<uint32_t>(sid), seq};
    for (const binlog::Gtid& e : *out) {
      if (e.domain_id == g.domain_id) {
        return Status::SqlError(1943, "HY000",
                                "GTID " + g.ToString() + " and " + e.ToString() +
                                    " conflict (duplicate domain id " +
                                    std::to_string(g.domain_id) + ")");
      }
    }
    out->push_back(g);
    if (p == text.size()) return Status::Ok();
    if (text[p++] != ',') return bad;
  }
}

Status FatalError(uint16_t code, std::string text) {
  return Status::SqlError(code, "HY000", std::move(text));
}

}  // namespace

// ---------------------------------------------------------------------------
// Requests and session values
// ---------------------------------------------------------------------------

Result<BinlogDumpRequest> ParseBinlogDump(std::string_view payload) {
  ByteReader r(payload);
  uint8_t cmd = 0;
  BinlogDumpRequest req;
  if (!r.ReadU8(&cmd).ok() || cmd != kComBinlogDumpByte || !r.ReadU32(&req.pos).ok() ||
      !r.ReadU16(&req.flags).ok() || !r.ReadU32(&req.server_id).ok()) {
    return Status::SqlError(1835, "HY000", "Malformed communication packet");
  }
  std::string_view name = r.ReadRest();
  // MariaDB takes the name up to a NUL (strlen over its buffer).
  name = name.substr(0, name.find('\0'));
  req.file = std::string(name);
  return req;
}

std::string EncodeBinlogDump(const BinlogDumpRequest& req) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kComBinlogDumpByte);
  w.U32(req.pos);
  w.U16(req.flags);
  w.U32(req.server_id);
  w.Bytes(req.file);
  return out;
}

ChecksumAlg ChecksumAlgFromUserVar(std::string_view value) {
  std::string v(value);
  for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (v == "NONE") return ChecksumAlg::kOff;
  if (v == "CRC32") return ChecksumAlg::kCrc32;
  return ChecksumAlg::kUndefined;
}

// ---------------------------------------------------------------------------
// DumpThread: one Run() call.
// ---------------------------------------------------------------------------

class DumpThread {
 public:
  DumpThread(BinlogDumpService* service, BinlogDumpService::Active* active, wire::PacketConn* conn,
             const BinlogDumpRequest& req, const ReplicaSession& rs)
      : service_(service),
        info_(service->info_),
        active_(active),
        conn_(conn),
        req_(req),
        rs_(rs),
        start_file_(Basename(req.file)),
        non_block_((req.flags & kBinlogDumpNonBlock) != 0 || req.server_id == 0),
        using_gtid_(rs.slave_connect_state.has_value()),
        start_pos_(using_gtid_ ? binlog::kFirstEventPosition : req.pos),
        reader_(info_.dir, info_.index_path, info_.live) {
    reader_.set_verify_checksums(rs.verify_checksums);
  }

  Status Run();

 private:
  Status Stream();
  enum class State { kNone, kSending, kSwitching, kWaiting };

  void SetState(State s);
  // KILL [QUERY], Shutdown() or the log closing: the thread must stop.
  bool Killed() const;
  Status Stopped() const { return Status::Stopped("binlog dump thread killed"); }
  // How a killed thread ends: KILL QUERY alone gets the replica an EOF
  // packet (MariaDB's my_eof); otherwise nothing is sent.
  Status EndKilled();

  // Finds the first file and checks the position (init_binlog_sender,
  // check_start_offset). Errors have no coordinates.
  Status Start();
  // GTID connect: checks @slave_connect_state against the binlog state and
  // picks the file to start in (check_slave_start_position,
  // gtid_find_binlog_file).
  Status GtidStart(std::string* file);
  binlog::GtidBinlogState BinlogState() const;
  // The error for a GTID the binlog does not have.
  Status GtidMissing(const binlog::Gtid& g) const;
  // GTID connect: decides whether `ev` belongs to a group the replica has
  // (*skip), and notes when its position is reached.
  Status FilterGtid(const binlog::ReadEvent& ev, bool* skip);
  // slave_connection_state::is_pos_reached(): only domains without any
  // GTID in the binlog are left.
  bool GtidPositionReached() const {
    return std::all_of(gtid_start_.begin(), gtid_start_.end(),
                       [](const StartGtid& e) { return e.on_empty_domain; });
  }
  // Sends one file's Format_description (`bytes` as read at position 4).
  Status SendFormatDescription(std::string bytes, bool clear_log_pos);
  // Sends one event read from the log, rewritten or left out as the
  // replica's capability requires (send_event_to_slave).
  Status SendEvent(const binlog::ReadEvent& ev);
  Status Write(std::string_view event_bytes);
  // How long the next read may wait for the log to grow.
  std::chrono::milliseconds WaitSlice(Clock::time_point idle_since) const;
  Status Idle(Clock::time_point* idle_since);
  Status WaitUntilReadable(bool* at_end);

  // A 1236 (or 4052) error with MariaDB's coordinates suffix.
  Status Fatal(const std::string& text, uint16_t code = kErMasterFatalErrorReadingBinlog) const;
  // The error for a failed read at the reader's position / at `pos` of the
  // current file, classified as MariaDB's set_read_error() would.
  Status ReadFailed(const Status& s);
  Status ReadFailedAt(const Status& s, uint64_t pos);
  // Sends `error` (a SqlError) to the replica and returns it.
  Status SendError(const Status& error);

  BinlogDumpService* const service_;
  const DumpSourceInfo& info_;
  BinlogDumpService::Active* const active_;
  wire::PacketConn* const conn_;
  const BinlogDumpRequest req_;
  const ReplicaSession& rs_;
  const std::string start_file_;  // as requested, for error messages
  const bool non_block_;
  const bool using_gtid_;
  const uint64_t start_pos_;  // where reading starts: req_.pos, or 4 for GTID connects

  binlog::BinlogReader reader_;
  State state_ = State::kNone;
  std::string file_;  // the file being sent (bare name)
  bool file_open_ = false;
  // The checksum algorithm of what is sent (MariaDB's current_checksum_alg):
  // the replica's @master_binlog_checksum until the first Format_description,
  // then each file's.
  ChecksumAlg alg_ = ChecksumAlg::kUndefined;
  // MariaDB's info->last_pos / linfo.pos, for error messages.
  uint64_t last_event_start_ = 0;
  uint64_t last_byte_ = 0;

  // GTID connect. The replica's position per domain not reached yet
  // (slave_connection_state; on_empty_domain = START_ON_EMPTY_DOMAIN).
  struct StartGtid {
    binlog::Gtid gtid;
    bool on_empty_domain = false;
  };
  std::vector<StartGtid> gtid_start_;
  // GTIDs of the groups looked at while skipping (until_binlog_state), sent
  // in the made-up Gtid_list when the position is reached.
  binlog::GtidBinlogState seen_;
  enum class Skip { kNot, kStandalone, kTransaction };
  Skip skip_ = Skip::kNot;
  bool send_fake_gtid_list_ = false;
};

void DumpThread::SetState(State s) {
  if (s == state_) return;
  state_ = s;
  if (!rs_.proc) return;
  switch (s) {
    case State::kSending:
      rs_.proc->SetState(std::string(kStateSendingEvent));
      break;
    case State::kSwitching:
      rs_.proc->SetState(std::string(kStateSwitchingBinlog));
      break;
    case State::kWaiting:
      rs_.proc->SetState(std::string(kStateWaitingForUpdate));
      break;
    case State::kNone:
      break;
  }
}

bool DumpThread::Killed() const {
  return service_->stopping() ||
         (rs_.proc && (rs_.proc->kill_connection.load() || rs_.proc->kill_query.load())) ||
         (info_.live != nullptr && info_.live->closed());
}

Status DumpThread::EndKilled() {
  const bool query_only = rs_.proc && rs_.proc->kill_query.load() &&
                          !rs_.proc->kill_connection.load() && !service_->stopping() &&
                          !(info_.live != nullptr && info_.live->closed());
  if (query_only) {
    Status s = conn_->WritePacketAndFlush(wire::EofPacket(0, 0));
    (void)s;  // ending anyway
  }
  return Stopped();
}

Status DumpThread::Fatal(const std::string& text, uint16_t code) const {
  if (!file_open_) return FatalError(code, text);
  return FatalError(code, text + "; the first event '" + start_file_ + "' at " +
                              std::to_string(req_.pos) + ", the last event read from '" + file_ +
                              "' at " + std::to_string(last_event_start_) +
                              ", the last byte read from '" + file_ + "' at " +
                              std::to_string(last_byte_) + ".");
}

Status DumpThread::SendError(const Status& error) {
  Status s = conn_->WritePacketAndFlush(wire::ErrPacket(error));
  (void)s;  // the replica may be gone already; the error stands
  return error;
}

Status DumpThread::ReadFailed(const Status& s) {
  const binlog::LogPosition at = reader_.position();
  if (!at.file.empty()) file_ = at.file;
  return ReadFailedAt(s, at.pos);
}

Status DumpThread::ReadFailedAt(const Status& s, uint64_t pos) {
  if (s.code() == Status::Code::kIoError) {
    last_event_start_ = last_byte_ = pos;
    return Fatal("I/O error reading log event");
  }
  uint64_t limit = UINT64_MAX;
  if (info_.live != nullptr) {
    const binlog::LogPosition end = info_.live->ReadableEnd();
    if (end.file == file_) limit = end.pos;
  }
  ReadFailure f = ClassifyReadFailure(info_.dir + "/" + file_, pos, limit);
  last_event_start_ = pos;
  last_byte_ = f.last_byte;
  return Fatal(f.text);
}

Status DumpThread::Start() {
  auto index = binlog::BinlogIndex::Load(info_.index_path);
  if (!index.ok()) return FatalError(kErMasterFatalErrorReadingBinlog, "Binary log is not open");
  std::string file;
  if (using_gtid_) {
    RETURN_IF_ERROR(GtidStart(&file));
  } else if (start_file_.empty()) {
    if (!index->empty()) file = index->files().front();
  } else if (index->Find(start_file_) >= 0) {
    file = start_file_;
  }
  if (file.empty()) {
    return FatalError(kErMasterFatalErrorReadingBinlog,
                      "Could not find first log file name in binary log index file");
  }
  // Published before the file is opened, so that PURGE leaves it alone.
  file_ = file;
  service_->SetFile(active_, file_);

  const std::string path = info_.dir + "/" + file_;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FatalError(kErMasterFatalErrorReadingBinlog, "Could not open log file");
  char magic[4] = {};
  const ssize_t n = ::pread(fd, magic, sizeof(magic), 0);
  const off_t size = ::lseek(fd, 0, SEEK_END);
  ::close(fd);
  if (n != 4 || std::string_view(magic, 4) != binlog::kBinlogMagic) {
    return FatalError(kErMasterFatalErrorReadingBinlog,
                      "Binlog has bad magic number;  It's not a binary log file that can be "
                      "used by this version of MariaDB");
  }
  if (start_pos_ < binlog::kFirstEventPosition || size < 0 ||
      start_pos_ > static_cast<uint64_t>(size)) {
    return FatalError(kErMasterFatalErrorReadingBinlog,
                      "Client requested master to start replication from impossible position; "
                      "the first event '" +
                          start_file_ + "' at " + std::to_string(start_pos_) +
                          ", the last event read from '" + start_file_ +
                          "' at 4, the last byte read from '" + start_file_ + "' at 4.");
  }
  return Status::Ok();
}

binlog::GtidBinlogState DumpThread::BinlogState() const {
  if (!info_.gtid_binlog_state) return StateFromLastFile(info_);
  binlog::GtidBinlogState state;
  state.Load(info_.gtid_binlog_state());
  return state;
}

Status DumpThread::GtidMissing(const binlog::Gtid& g) const {
  const auto last = BinlogState().LastInDomain(g.domain_id);
  std::string text = "Error: connecting slave requested to start from GTID " + g.ToString() +
                     ", which is not in the master's binlog";
  if (last && last->seq_no >= g.seq_no) {
    text +=
        ". Since the master's binlog contains GTIDs with higher sequence numbers, it "
        "probably means that the slave has diverged due to executing extra erroneous "
        "transactions";
  }
  return FatalError(kErMasterFatalErrorReadingBinlog, text);
}

Status DumpThread::GtidStart(std::string* file) {
  std::vector<binlog::Gtid> requested;
  RETURN_IF_ERROR(ParseSlaveConnectState(*rs_.slave_connect_state, &requested));
  for (const binlog::Gtid& g : requested) gtid_start_.push_back({g, false});
  const binlog::GtidBinlogState state = BinlogState();
  for (StartGtid& e : gtid_start_) {
    const auto mine = FindInState(state, e.gtid.domain_id, e.gtid.server_id);
    if (mine && mine->seq_no >= e.gtid.seq_no) continue;
    const auto last = state.LastInDomain(e.gtid.domain_id);
    if (!last) {
      // Nothing in this domain yet (another source serves it); checked
      // again if a group of the domain turns up.
      e.on_empty_domain = true;
      continue;
    }
    if (rs_.slave_gtid_ignore_duplicates && last->seq_no < e.gtid.seq_no) continue;
    return GtidMissing(e.gtid);
  }

  // The newest file whose head Gtid_list says every group after the
  // replica's position is in it or later.
  auto index = binlog::BinlogIndex::Load(info_.index_path);
  if (!index.ok()) return FatalError(kErMasterFatalErrorReadingBinlog, "Binary log is not open");
  const auto& files = index->files();
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    auto list = ReadHeadGtidList(info_, *it);
    if (!list.ok()) return FatalError(kErMasterFatalErrorReadingBinlog, list.status().message());
    if (!list->has_value()) {
      *file = *it;
      return Status::Ok();
    }
    const std::vector<binlog::Gtid>& glev = **list;
    auto find = [&](uint32_t domain) -> StartGtid* {
      for (StartGtid& e : gtid_start_) {
        if (e.gtid.domain_id == domain) return &e;
      }
      return nullptr;
    };
    bool contains_all = true;
    for (size_t i = 0; i < glev.size() && contains_all; i++) {
      const StartGtid* e = find(glev[i].domain_id);
      if (e == nullptr) {
        contains_all = false;  // the replica needs the domain from its start
      } else if (e->gtid.server_id == glev[i].server_id && e->gtid.seq_no <= glev[i].seq_no) {
        // Its position is in an earlier file, unless it is the very last
        // GTID logged in the domain before this file.
        contains_all = e->gtid.seq_no == glev[i].seq_no &&
                       !(i + 1 < glev.size() && glev[i + 1].domain_id == glev[i].domain_id);
      }
    }
    if (!contains_all) continue;
    for (const binlog::Gtid& g : glev) {
      // Starting right after the last GTID before this file: nothing to skip.
      const StartGtid* e = find(g.domain_id);
      if (e != nullptr && e->gtid == g) {
        gtid_start_.erase(gtid_start_.begin() + (e - gtid_start_.data()));
      }
    }
    *file = *it;
    return Status::Ok();
  }
  return FatalError(kErMasterFatalErrorReadingBinlog,
                    "Could not find GTID state requested by slave in any binlog files. Probably "
                    "the slave state is too old and required binlog files have been purged.");
}

Status DumpThread::FilterGtid(const binlog::ReadEvent& ev, bool* skip) {
  const uint8_t type = ev.header.type;
  if (type == binlog::kGtidEvent && using_gtid_ && !gtid_start_.empty()) {
    const size_t data_len = ev.bytes.size() - (HasCrc(alg_) ? binlog::kChecksumSize : 0);
    if (ev.bytes.size() < binlog::kChecksumSize ||
        data_len < binlog::kHeaderSize + binlog::kGtidPostHeaderSize) {
      return Fatal("Failed to read Gtid_log_event: corrupt binlog");
    }
    ByteReader r(std::string_view(ev.bytes).substr(binlog::kHeaderSize));
    binlog::Gtid g;
    uint8_t flags2 = 0;
    g.server_id = ev.header.server_id;
    if (!r.ReadU64(&g.seq_no).ok() || !r.ReadU32(&g.domain_id).ok() || !r.ReadU8(&flags2).ok()) {
      return Fatal("Failed to read Gtid_log_event: corrupt binlog");
    }
    seen_.Update(g);
    for (auto it = gtid_start_.begin(); it != gtid_start_.end(); ++it) {
      if (it->gtid.domain_id != g.domain_id) continue;
      if (it->on_empty_domain) {
        const auto mine = FindInState(BinlogState(), it->gtid.domain_id, it->gtid.server_id);
        if (!mine || mine->seq_no < it->gtid.seq_no) return GtidMissing(it->gtid);
        it->on_empty_domain = false;
      }
      const binlog::Gtid want = it->gtid;
      if (g.server_id != want.server_id || g.seq_no <= want.seq_no) {
        skip_ = (flags2 & binlog::kFlStandalone) ? Skip::kStandalone : Skip::kTransaction;
      }
      if (g.server_id == want.server_id && g.seq_no >= want.seq_no) {
        if (rs_.slave_gtid_strict_mode && g.seq_no > want.seq_no) {
          return FatalError(kErMasterFatalErrorReadingBinlog,
                            "The binlog on the master is missing the GTID " + want.ToString() +
                                " requested by the slave (even though both a prior and a "
                                "subsequent sequence number does exist), and GTID strict mode "
                                "is enabled");
        }
        // Reached: tell the replica where it is once this group is over.
        send_fake_gtid_list_ = true;
        gtid_start_.erase(it);
      }
      break;
    }
  }
  switch (skip_) {
    case Skip::kStandalone:
      if (!IsPartOfGroup(type)) skip_ = Skip::kNot;
      *skip = true;
      return Status::Ok();
    case Skip::kTransaction:
      if (type == binlog::kXidEvent || type == binlog::kXaPrepareEvent ||
          (type == binlog::kQueryEvent && IsCommitOrRollback(ev.bytes, alg_))) {
        skip_ = Skip::kNot;
      }
      *skip = true;
      return Status::Ok();
    case Skip::kNot:
      break;
  }
  *skip = false;
  return Status::Ok();
}

Status DumpThread::Write(std::string_view event_bytes) {
  std::string packet;
  packet.reserve(event_bytes.size() + 1);
  packet.push_back('\0');
  packet.append(event_bytes);
  return conn_->WritePacket(packet);
}

Status DumpThread::SendFormatDescription(std::string bytes, bool clear_log_pos) {
  last_event_start_ = binlog::kFirstEventPosition;
  last_byte_ = binlog::kFirstEventPosition + bytes.size();
  auto info = binlog::PeekFdeChecksum(bytes);
  if (!info.ok() || bytes.size() < kFdeCreatedOffset + 4) {
    return Fatal("bogus data in log event");
  }
  alg_ = info->has_checksum_fields ? info->alg : ChecksumAlg::kUndefined;
  if (!rs_.checksum_aware && alg_ != ChecksumAlg::kOff && alg_ != ChecksumAlg::kUndefined) {
    LogWarning(
        "Master is configured to log replication events with checksum, but will not send such "
        "events to slaves that cannot process them");
    return Fatal(
        "Slave can not handle replication events with the checksum that master is configured to "
        "log");
  }
  Store16(&bytes, binlog::kFlagsOffset,
          Load16(bytes, binlog::kFlagsOffset) & ~binlog::kLogEventBinlogInUseF);
  if (clear_log_pos) {
    Store32(&bytes, binlog::kLogPosOffset, 0);
    Store32(&bytes, kFdeCreatedOffset, 0);
    FixChecksum(&bytes, alg_);
  } else if (using_gtid_ && !GtidPositionReached()) {
    // The replica may hold temporary tables from groups after this
    // Format_description: "created" would make it drop them.
    Store32(&bytes, kFdeCreatedOffset, 0);
    FixChecksum(&bytes, alg_);
  }
  SetState(State::kSending);
  return Write(bytes);
}

Status DumpThread::SendEvent(const binlog::ReadEvent& ev) {
  const int cap = rs_.mariadb_slave_capability;
  const uint8_t type = ev.header.type;
  std::string bytes = ev.bytes;

  if (type == binlog::kAnnotateRowsEvent && !(req_.flags & kBinlogSendAnnotateRowsEvent)) {
    if (cap >= kCapabilityTolerateHoles) return Status::Ok();
    if (cap < kCapabilityAnnotate && !MakeDummyEvent(&bytes, alg_)) {
      return Fatal("Failed to replace row annotate event with dummy: too small event.");
    }
  }
  if (type == binlog::kGtidEvent && cap < kCapabilityGtid) {
    const size_t flags2_at = binlog::kHeaderSize + 12;
    if (bytes.size() < binlog::kHeaderSize + binlog::kGtidPostHeaderSize) {
      return Fatal("Failed to replace GTID event with backwards-compatible event: corrupt event.");
    }
    bool ok = true;
    if (static_cast<uint8_t>(bytes[flags2_at]) & binlog::kFlStandalone) {
      if (cap >= kCapabilityTolerateHoles) return Status::Ok();
      ok = MakeDummyEvent(&bytes, alg_);
    } else {
      ok = MakeBeginEvent(&bytes, alg_);
    }
    if (!ok) {
      return Fatal("Failed to replace GTID event with backwards-compatible event: corrupt event.");
    }
  }
  if ((type == binlog::kBinlogCheckpointEvent && cap < kCapabilityBinlogCheckpoint) ||
      (type == binlog::kGtidListEvent && cap < kCapabilityGtid)) {
    if (cap >= kCapabilityTolerateHoles) return Status::Ok();
    if (!MakeDummyEvent(&bytes, alg_)) {
      return Fatal(
          "Failed to replace binlog checkpoint or gtid list event with dummy: too small event.");
    }
  }
  if (rs_.skip_replication && (ev.header.flags & binlog::kLogEventSkipReplicationF)) {
    return Status::Ok();
  }
  SetState(State::kSending);
  return Write(bytes);
}

// Caught up in blocking mode, after a wait of at most one poll interval:
// flushes, sends a Heartbeat when the replica asked for them and none was
// due sooner, and checks that the replica is still there.
Status DumpThread::Idle(Clock::time_point* idle_since) {
  RETURN_IF_ERROR(conn_->Flush());
  SetState(State::kWaiting);
  if (rs_.heartbeat_period_ns > 0 &&
      Clock::now() - *idle_since >= std::chrono::nanoseconds(rs_.heartbeat_period_ns)) {
    RETURN_IF_ERROR(conn_->WritePacketAndFlush(
        std::string(1, '\0') +
        HeartbeatEvent(info_.server_id, file_, reader_.position().pos, alg_)));
    *idle_since = Clock::now();
  }
  if (PeerGone(conn_->fd())) return Status::ConnectionClosed("the replica closed the connection");
  return Status::Ok();
}

std::chrono::milliseconds DumpThread::WaitSlice(Clock::time_point idle_since) const {
  if (non_block_) return std::chrono::milliseconds(0);
  auto slice = info_.poll_interval;
  if (rs_.heartbeat_period_ns > 0) {
    const auto due = idle_since + std::chrono::nanoseconds(rs_.heartbeat_period_ns);
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now());
    slice = std::clamp(left, std::chrono::milliseconds(0), slice);
  }
  return slice;
}

// A start position in the part of the current file that is written but not
// yet committed: wait until it is readable (MariaDB waits the same way), or
// in non-blocking mode send EOF and set *at_end.
Status DumpThread::WaitUntilReadable(bool* at_end) {
  if (info_.live == nullptr) return Status::Ok();
  Clock::time_point idle_since = Clock::now();
  while (true) {
    const binlog::LogPosition end = info_.live->ReadableEnd();
    if (end.file != file_ || end.pos >= start_pos_) return Status::Ok();
    if (Killed()) return EndKilled();
    if (non_block_) {
      *at_end = true;
      return conn_->WritePacketAndFlush(wire::EofPacket(0, 0));
    }
    info_.live->WaitForUpdate(end, WaitSlice(idle_since));
    RETURN_IF_ERROR(Idle(&idle_since));
  }
}

Status DumpThread::Run() {
  Status s = Stream();
  // A KILL or shutdown may also shut the socket down under a write or a wait:
  // the failure that causes is the kill's.
  if (!s.ok() && !s.IsSqlError() && Killed()) return Stopped();
  return s;
}

Status DumpThread::Stream() {
  if (Killed()) return EndKilled();
  if (Status s = Start(); !s.ok()) return SendError(s);
  alg_ = rs_.checksum_aware ? rs_.checksum_at_connect : ChecksumAlg::kUndefined;
  last_event_start_ = last_byte_ = start_pos_;

  RETURN_IF_ERROR(Write(FakeRotateEvent(info_.server_id, file_, start_pos_, alg_)));
  file_open_ = true;
  if (Status s = reader_.Open(file_, start_pos_); !s.ok()) {
    // Reading the file's Format_description failed.
    last_event_start_ = binlog::kFirstEventPosition;
    return SendError(ReadFailedAt(s, binlog::kFirstEventPosition));
  }
  if (start_pos_ > binlog::kFirstEventPosition) {
    // At 4 the reader returns the Format_description as the first event.
    if (Status s = SendFormatDescription(reader_.format_description_event(), true); !s.ok()) {
      return s.IsSqlError() ? SendError(s) : s;
    }
    last_event_start_ = last_byte_ = start_pos_;
    bool at_end = false;
    if (Status s = WaitUntilReadable(&at_end); !s.ok() || at_end) return s;
  }
  SetState(State::kSending);

  Clock::time_point idle_since = Clock::now();
  bool sent = false;
  binlog::ReadEvent ev;
  while (true) {
    if (Killed()) return EndKilled();
    if (active_->same_id_killed.load()) {
      return SendError(Fatal("A slave with the same server_uuid/server_id is already connected",
                             kErSlaveSameId));
    }
    auto outcome = reader_.Next(&ev, std::chrono::milliseconds(0));
    if (outcome.ok() && *outcome == binlog::BinlogReader::Outcome::kEndOfLog && !non_block_) {
      // Everything readable is sent: what is buffered goes out before the
      // wait for the next commit (a steady trickle of commits never fills
      // the buffer nor leaves the log idle for a whole wait slice).
      RETURN_IF_ERROR(conn_->Flush());
      if (sent) {  // idle from the last event on (not a clock read per event)
        idle_since = Clock::now();
        sent = false;
      }
      outcome = reader_.Next(&ev, WaitSlice(idle_since));
    }
    if (!outcome.ok()) return SendError(ReadFailed(outcome.status()));
    if (*outcome == binlog::BinlogReader::Outcome::kEndOfLog) {
      const binlog::LogPosition at = reader_.position();
      if (info_.live != nullptr) {
        // The readable end is always an event boundary: stopping short of it
        // means the start position was inside an event.
        const binlog::LogPosition end = info_.live->ReadableEnd();
        if (end.file == at.file && at.pos < end.pos) {
          return SendError(ReadFailed(Status::Corruption("partial event")));
        }
      }
      if (Killed()) return EndKilled();
      if (non_block_) return conn_->WritePacketAndFlush(wire::EofPacket(0, 0));
      RETURN_IF_ERROR(Idle(&idle_since));
      continue;
    }
    sent = true;
    if (ev.file != file_) {
      // The reader moved to the next file (after its Rotate, or to the next
      // file of the index): name it; its Format_description comes next.
      SetState(State::kSwitching);
      file_ = ev.file;
      service_->SetFile(active_, file_);
      RETURN_IF_ERROR(
          Write(FakeRotateEvent(info_.server_id, file_, binlog::kFirstEventPosition, alg_)));
    }
    Status s;
    if (ev.header.type == binlog::kFormatDescriptionEvent &&
        ev.start == binlog::kFirstEventPosition) {
      s = SendFormatDescription(ev.bytes, false);
    } else {
      last_event_start_ = ev.start;
      last_byte_ = ev.end;
      bool skip = false;
      if (ev.header.type == binlog::kStartEncryptionEvent) {
        s = Fatal("Could not decrypt binlog: encryption key error");
      } else if (s = FilterGtid(ev, &skip); s.ok() && !skip) {
        s = SendEvent(ev);
      }
      if (s.ok() && send_fake_gtid_list_ && skip_ == Skip::kNot) {
        send_fake_gtid_list_ = false;
        s = Write(
            FakeGtidListEvent(info_.server_id, seen_.List(), static_cast<uint32_t>(ev.end), alg_));
      }
    }
    if (!s.ok()) return s.IsSqlError() ? SendError(s) : s;
  }
}

// ---------------------------------------------------------------------------
// BinlogDumpService
// ---------------------------------------------------------------------------

BinlogDumpService::BinlogDumpService(DumpSourceInfo info, ReplicaRegistry* registry)
    : info_(std::move(info)), registry_(registry) {}

BinlogDumpService::~BinlogDumpService() {
  Shutdown();
  std::unique_lock<std::mutex> l(mu_);
  idle_cv_.wait(l, [&] { return active_.empty(); });
}

BinlogDumpService::Active* BinlogDumpService::Enter(uint64_t connection_id, uint32_t server_id,
                                                    wire::PacketConn* conn) {
  std::lock_guard<std::mutex> l(mu_);
  if (stopping_.load()) return nullptr;
  if (server_id != 0) {
    // kill_zombie_dump_threads: the replica reconnected; the old thread is
    // probably talking to a dead socket.
    for (auto& a : active_) {
      if (a->server_id == server_id) a->same_id_killed.store(true);
    }
  }
  auto a = std::make_unique<Active>();
  a->connection_id = connection_id;
  a->server_id = server_id;
  a->conn = conn;
  active_.push_back(std::move(a));
  return active_.back().get();
}

void BinlogDumpService::Leave(Active* a) {
  std::lock_guard<std::mutex> l(mu_);
  active_.remove_if([a](const std::unique_ptr<Active>& p) { return p.get() == a; });
  idle_cv_.notify_all();
}

void BinlogDumpService::SetFile(Active* a, const std::string& file) {
  std::lock_guard<std::mutex> l(mu_);
  a->file = file;
}

bool BinlogDumpService::FileInUse(const std::string& file) const {
  std::lock_guard<std::mutex> l(mu_);
  return std::any_of(active_.begin(), active_.end(),
                     [&](const std::unique_ptr<Active>& a) { return a->file == file; });
}

size_t BinlogDumpService::active() const {
  std::lock_guard<std::mutex> l(mu_);
  return active_.size();
}

void BinlogDumpService::Shutdown() {
  std::lock_guard<std::mutex> l(mu_);
  stopping_.store(true);
  for (auto& a : active_) a->conn->Shutdown();
}

Status BinlogDumpService::Run(wire::PacketConn* conn, const BinlogDumpRequest& req,
                              const ReplicaSession& rs) {
  if (rs.proc) rs.proc->SetCommand("Binlog Dump");
  Active* a = Enter(rs.connection_id, req.server_id, conn);
  if (a == nullptr) return Status::Stopped("the server is shutting down");

  std::string replica = "slave_server(" + std::to_string(req.server_id) + ")";
  if (registry_ != nullptr) {
    for (const ReplicaInfo& r : registry_->List()) {
      if (r.server_id == req.server_id && !r.host.empty()) {
        replica += " " + r.host + ":" + std::to_string(r.port);
      }
    }
  }
  LogNote("Start binlog_dump to " + replica + ", pos(" + req.file + ", " + std::to_string(req.pos) +
          "), using_gtid(" + std::to_string(rs.slave_connect_state.has_value() ? 1 : 0) +
          "), gtid('" + rs.slave_connect_state.value_or("") + "')");

  DumpThread thread(this, a, conn, req, rs);
  Status s = thread.Run();
  if (rs.proc) rs.proc->SetState(std::string(kStateFinalizing));
  if (!s.ok() && s.code() != Status::Code::kStopped) {
    LogNote("Binlog dump to " + replica + " ended: " + s.ToString());
  }
  Leave(a);
  return s;
}

}  // namespace relaydb::source
