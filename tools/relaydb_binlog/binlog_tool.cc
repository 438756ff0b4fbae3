// relaydb-binlog's driver (binlog_tool.h): mariadb-binlog's main() and
// dump_log_entries() flow over LocalFileReader / RemoteSession, EventFilter
// and the text or JSON printer.
#include "relaydb_binlog/binlog_tool.h"

#include <memory>
#include <optional>

#include "binlog/event_format.h"
#include "relaydb_binlog/event_reader.h"
#include "relaydb_binlog/json_printer.h"
#include "relaydb_binlog/options.h"
#include "relaydb_binlog/processor.h"
#include "relaydb_binlog/remote.h"
#include "relaydb_binlog/text_printer.h"

namespace relaydb::binlog_tool {
namespace {

constexpr const char* kVersionLine =
    "relaydb-binlog Ver 1.0 (output of mariadb-binlog Ver 3.5, MariaDB 10.11)\n";

enum class FileOutcome { kContinue, kStop, kError };

class Tool {
 public:
  Tool(const Options& options, std::FILE* out, std::FILE* err)
      : options_(options), out_(out), err_(err) {}

  int Run();

 private:
  void Error(const std::string& msg) {
    Drain();
    std::fflush(out_);
    std::fprintf(err_, "ERROR: %s\n", msg.c_str());
    std::fflush(err_);
  }
  void Warning(const std::string& msg) {
    Drain();
    std::fflush(out_);
    std::fprintf(err_, "WARNING: %s\n", msg.c_str());
  }
  // Writes what the printer produced so far.
  void Drain() {
    if (!buffer_.empty()) {
      std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
      buffer_.clear();
    }
  }

  FileOutcome DumpLocal(const std::string& file, uint64_t start);
  FileOutcome DumpRemote(const std::string& file, uint64_t start);
  FileOutcome DumpRaw(const std::string& file, uint64_t start);
  // Passes one event through the filter; kError after reporting.
  FileOutcome Process(const ToolEvent& ev);

  const Options& options_;
  std::FILE* out_;
  std::FILE* err_;
  std::string buffer_;
  std::unique_ptr<EventHandler> handler_;
  TextPrinter* text_ = nullptr;
  std::unique_ptr<EventFilter> filter_;
};

FileOutcome Tool::Process(const ToolEvent& ev) {
  auto flow = filter_->Process(ev);
  Drain();
  if (!flow.ok()) {
    Error(flow.status().message());
    return FileOutcome::kError;
  }
  return *flow == EventFilter::Flow::kStop ? FileOutcome::kStop : FileOutcome::kContinue;
}

FileOutcome Tool::DumpLocal(const std::string& file, uint64_t start) {
  LocalFileReader reader;
  Status st = reader.Open(file, start, options_.verify_checksum);
  if (!st.ok()) {
    Error(st.message());
    return FileOutcome::kError;
  }
  // mariadb-binlog prints a Format_description found before --start-position
  // only in --base64-output=auto (check_header()).
  if (options_.base64 == Base64Mode::kAuto) {
    for (const ToolEvent& fde : reader.probe_events()) {
      const FileOutcome o = Process(fde);
      if (o != FileOutcome::kContinue) return o;
    }
  }
  for (;;) {
    ToolEvent ev;
    auto next = reader.Next(&ev);
    if (!next.ok()) {
      Error(next.status().message());
      Error(ReadErrorLine(file, reader.position()));
      return FileOutcome::kError;
    }
    if (*next == LocalFileReader::Outcome::kEnd) return FileOutcome::kContinue;
    if (!options_.force_if_open && ev.type() == binlog::kFormatDescriptionEvent &&
        (ev.header().flags & binlog::kLogEventBinlogInUseF)) {
      if (const FileOutcome o = Process(ev); o != FileOutcome::kContinue) return o;
      Error("Attempting to dump binlog '" + file +
            "', which was not closed properly. Most probably, mariadbd is still writing it, "
            "or it crashed. Rerun with --force-if-open to ignore this problem.");
      return FileOutcome::kError;
    }
    const FileOutcome o = Process(ev);
    if (o != FileOutcome::kContinue) return o;
  }
}

RemoteOptions RemoteOptionsOf(const Options& o) {
  return RemoteOptions{o.host, o.port, o.user, o.password};
}

DumpRequest DumpRequestOf(const Options& o, const std::string& file, uint64_t start) {
  DumpRequest req;
  req.log_name = file;
  req.position = static_cast<uint32_t>(std::min<uint64_t>(start, UINT32_MAX));
  if (!o.skip_annotate_row_events) req.flags |= kBinlogSendAnnotateRows;
  if (!o.stop_never) req.flags |= kBinlogDumpNonBlock;
  req.server_id = o.stop_never ? o.stop_never_slave_server_id : 0;
  return req;
}

FileOutcome Tool::DumpRemote(const std::string& file, uint64_t start) {
  RemoteSession session;
  Status st = session.Connect(RemoteOptionsOf(options_));
  if (st.ok() && options_.stop_never) st = session.Register(options_.stop_never_slave_server_id);
  if (st.ok()) st = session.StartDump(DumpRequestOf(options_, file, start));
  if (!st.ok()) {
    Error(st.message());
    return FileOutcome::kError;
  }
  StreamDecoder decoder(file, start, options_.verify_checksum);
  FileOutcome outcome = FileOutcome::kContinue;
  st = ReadDumpStream(&session, [&](std::string_view bytes) -> Result<StreamFlow> {
    ToolEvent ev;
    Status dst = decoder.Decode(bytes, &ev);
    if (!dst.ok()) {
      return Status::Corruption("Could not construct log event object: " + dst.message());
    }
    if (ev.type() == binlog::kHeartbeatEvent) return StreamFlow::kContinue;
    if (IsFakeRotate(ev) && !options_.to_last_log) {
      // The Rotate that opens the dump names our file; one naming another
      // file means ours has ended.
      const auto* rot = ev.event.As<binlog::RotateEvent>();
      return rot->next_log == file ? StreamFlow::kContinue : StreamFlow::kStop;
    }
    outcome = Process(ev);
    if (options_.stop_never) std::fflush(out_);
    return outcome == FileOutcome::kContinue ? StreamFlow::kContinue : StreamFlow::kStop;
  });
  if (outcome == FileOutcome::kError) return outcome;
  if (!st.ok()) {
    Error("Got error reading packet from server: " + st.message());
    return FileOutcome::kError;
  }
  return outcome;
}

FileOutcome Tool::DumpRaw(const std::string& file, uint64_t start) {
  RemoteSession session;
  Status st = session.Connect(RemoteOptionsOf(options_));
  if (st.ok() && options_.stop_never) st = session.Register(options_.stop_never_slave_server_id);
  if (st.ok()) st = session.StartDump(DumpRequestOf(options_, file, start));
  if (!st.ok()) {
    Error(st.message());
    return FileOutcome::kError;
  }
  RawWriter writer(options_.result_file, file, options_.to_last_log, options_.verify_checksum);
  bool writer_failed = false;
  st = ReadDumpStream(&session, [&](std::string_view bytes) -> Result<StreamFlow> {
    auto flow = writer.OnEvent(bytes);
    writer_failed = !flow.ok();
    return flow;
  });
  if (!st.ok()) {
    Error(writer_failed ? st.message() : "Got error reading packet from server: " + st.message());
    return FileOutcome::kError;
  }
  return FileOutcome::kContinue;
}

int Tool::Run() {
  if (options_.raw && !options_.remote) {
    Error("The --raw mode only works with --read-from-remote-server");
    return 1;
  }
  if ((options_.to_last_log || options_.stop_never) && !options_.remote) {
    Error("--to-last-log and --stop-never require --read-from-remote-server");
    return 1;
  }
  if (options_.raw) {
    if (options_.database) Warning("The --database option is ignored in raw mode");
    if (options_.stop_position != kNoStopPosition) {
      Warning("The --stop-position option is ignored in raw mode");
    }
    if (options_.stop_datetime) Warning("The --stop-datetime option is ignored in raw mode");
    uint64_t start = options_.start_position;
    for (const std::string& file : options_.files) {
      if (DumpRaw(file, start) == FileOutcome::kError) return 1;
      start = binlog::kFirstEventPosition;
    }
    return 0;
  }

  if (options_.format == OutputFormat::kJson) {
    handler_ = std::make_unique<JsonPrinter>(options_, &buffer_);
  } else {
    auto text = std::make_unique<TextPrinter>(options_, &buffer_);
    text_ = text.get();
    handler_ = std::move(text);
  }
  filter_ = std::make_unique<EventFilter>(options_, handler_.get());
  if (text_) text_->PrintRunHeader();

  uint64_t start = options_.start_position;
  for (size_t i = 0; i < options_.files.size(); i++) {
    const std::string& file = options_.files[i];
    const bool last = i + 1 == options_.files.size();
    filter_->set_stop_position(last ? options_.stop_position : kNoStopPosition);
    Status st = handler_->BeginFile(file);
    Drain();
    const FileOutcome o = !st.ok()          ? FileOutcome::kError
                          : options_.remote ? DumpRemote(file, start)
                                            : DumpLocal(file, start);
    if (o == FileOutcome::kError) {
      Drain();
      std::fflush(out_);
      return 1;
    }
    st = handler_->EndFile();
    Drain();
    if (!st.ok()) {
      Error(st.message());
      return 1;
    }
    if (o == FileOutcome::kStop) break;
    start = binlog::kFirstEventPosition;  // --start-position applies to the first file only
  }
  for (const std::string& w : filter_->Warnings()) Warning(w);
  if (text_) text_->PrintRunFooter(options_.server_id.has_value());
  Drain();
  std::fflush(out_);
  return 0;
}

}  // namespace

int RunBinlogTool(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  auto parsed = ParseOptions(args);
  if (!parsed.ok()) {
    std::fprintf(err, "relaydb-binlog: %s\n", parsed.status().message().c_str());
    return 1;
  }
  const Options& options = *parsed;
  if (options.help) {
    std::fputs(kVersionLine, out);
    std::fputs(UsageText().c_str(), out);
    return 0;
  }
  if (options.version) {
    std::fputs(kVersionLine, out);
    return 0;
  }
  if (options.files.empty()) {
    std::fputs("ERROR: Please provide the log file(s). Run with '--help' for usage instructions.\n",
               err);
    return 1;
  }
  std::FILE* target = out;
  std::FILE* opened = nullptr;
  if (!options.raw && !options.result_file.empty()) {
    opened = std::fopen(options.result_file.c_str(), "wb");
    if (opened == nullptr) {
      std::fprintf(err, "ERROR: Could not create log file '%s'\n", options.result_file.c_str());
      return 1;
    }
    target = opened;
  }
  const int rc = Tool(options, target, err).Run();
  if (opened != nullptr && std::fclose(opened) != 0) {
    std::fprintf(err, "ERROR: Could not write log file '%s'\n", options.result_file.c_str());
    return 1;
  }
  return rc;
}

}  // namespace relaydb::binlog_tool
