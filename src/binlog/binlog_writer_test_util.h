// Helpers for the binlog file tests: small event groups as MariaDB writes
// them, writers in temp dirs, whole-file parsing and reading.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "binlog/binlog_reader.h"
#include "binlog/binlog_test_util.h"
#include "binlog/binlog_writer.h"
#include "binlog/events.h"

namespace relaydb::binlog::testing::files {

inline constexpr uint32_t kServerId = 7;

inline std::string Ev(uint8_t type, const std::string& body, uint16_t flags = 0) {
  EventHeader h;
  h.timestamp = 1700000000;
  h.type = type;
  h.server_id = kServerId;
  h.flags = flags;
  return EncodeEvent(h, body, ChecksumAlg::kCrc32);
}

// A transactional group as MariaDB writes one: Gtid, Query, Xid.
inline std::vector<std::string> Txn(uint64_t seq,
                                    const std::string& stmt = "INSERT INTO t VALUES (1)") {
  GtidEvent g;
  g.seq_no = seq;
  g.flags2 = kFlTransactional | kFlAllowParallel;
  QueryEvent q = QueryEvent::MariaDb("db", stmt, 1, 0, 0, 0, {33, 33, 8});
  return {Ev(kGtidEvent, g.Encode(), kLogEventSuppressUseF), Ev(kQueryEvent, q.Encode()),
          Ev(kXidEvent, XidEvent{seq}.Encode())};
}

inline BinlogWriterOptions Options(const TempDir& dir) {
  BinlogWriterOptions o;
  o.dir = dir.path();
  o.server_id = kServerId;
  return o;
}

inline std::unique_ptr<BinlogWriter> Started(const BinlogWriterOptions& o) {
  auto w = BinlogWriter::Open(o);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  if (!w.ok()) return nullptr;
  Status s = (*w)->Start();
  EXPECT_TRUE(s.ok()) << s.ToString();
  return std::move(w).value();
}

inline AppendResult Commit(BinlogWriter* w, const std::vector<std::string>& group) {
  auto r = w->Append(group);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(w->Sync(r->ticket).ok());
  EXPECT_TRUE(w->Publish(r->ticket).ok());
  return *r;
}

// Every event of a file, parsed; fails the test on any error.
inline std::vector<Event> ParseFile(const std::string& path) {
  std::vector<Event> out;
  const std::string bytes = ReadFileBytes(path);
  FormatDescription fde = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
  for (const auto& raw : SplitFile(bytes)) {
    auto e = ParseEvent(raw.bytes, fde, raw.pos);
    EXPECT_TRUE(e.ok()) << path << ": " << e.status().ToString();
    if (!e.ok()) break;
    EXPECT_EQ(e->header.log_pos, raw.pos + raw.bytes.size());
    if (const auto* f = e->As<FormatDescription>()) fde = *f;
    out.push_back(std::move(e).value());
  }
  uint64_t total = 4;
  for (const auto& raw : SplitFile(bytes)) total += raw.bytes.size();
  EXPECT_EQ(total, bytes.size()) << path << " has trailing bytes";
  return out;
}

inline std::vector<uint8_t> Types(const std::vector<Event>& events) {
  std::vector<uint8_t> t;
  for (const auto& e : events) t.push_back(e.header.type);
  return t;
}

// All events a reader returns until kEndOfLog.
inline std::vector<ReadEvent> ReadAll(BinlogReader* r) {
  std::vector<ReadEvent> out;
  while (true) {
    ReadEvent ev;
    auto o = r->Next(&ev);
    EXPECT_TRUE(o.ok()) << o.status().ToString();
    if (!o.ok() || *o == BinlogReader::Outcome::kEndOfLog) break;
    out.push_back(std::move(ev));
  }
  return out;
}

}  // namespace relaydb::binlog::testing::files
