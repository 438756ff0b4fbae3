// Status and Result<T>: how every relaydb library reports an expected failure.
//
// A Status is ok, or a code (io error, corruption, ...) plus a message and,
// where the failure is one a MySQL client should see, a MySQL error number and
// SQLSTATE. Expected failures are values; exceptions never cross a library
// boundary. See docs/architecture.md ("Errors").
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace relaydb {

class [[nodiscard]] Status {
 public:
  enum class Code : uint8_t {
    kOk = 0,
    kIoError,
    kCorruption,
    kInvalidArgument,
    kProtocolError,
    kConnectionClosed,
    kStopped,
    kNotSupported,
    kSqlError,  // a MySQL-level error: errno + SQLSTATE are meaningful
  };

  Status() = default;  // ok

  static Status Ok() { return Status(); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status ProtocolError(std::string msg) {
    return Status(Code::kProtocolError, std::move(msg));
  }
  static Status ConnectionClosed(std::string msg = "connection closed") {
    return Status(Code::kConnectionClosed, std::move(msg));
  }
  static Status Stopped(std::string msg = "stopped") { return Status(Code::kStopped, std::move(msg)); }
  static Status NotSupported(std::string msg) { return Status(Code::kNotSupported, std::move(msg)); }
  // A MySQL error as a client sees it: `mysql_errno`, 5-character `sqlstate`, message.
  static Status SqlError(uint16_t mysql_errno, std::string_view sqlstate, std::string msg) {
    Status s(Code::kSqlError, std::move(msg));
    s.errno_ = mysql_errno;
    s.sqlstate_ = std::string(sqlstate);
    return s;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return msg_; }
  bool IsSqlError() const { return code_ == Code::kSqlError; }
  bool IsConnectionClosed() const { return code_ == Code::kConnectionClosed; }
  // MySQL errno; 0 unless IsSqlError().
  uint16_t mysql_errno() const { return errno_; }
  // SQLSTATE; "HY000" unless set.
  const std::string& sqlstate() const { return sqlstate_; }

  // "IO error: ..." etc., for logs.
  std::string ToString() const;

 private:
  Status(Code c, std::string msg) : code_(c), msg_(std::move(msg)) {}

  Code code_ = Code::kOk;
  uint16_t errno_ = 0;
  std::string sqlstate_ = "HY000";
  std::string msg_;
};

// Result<T>: a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

#define RDB_CONCAT_INNER(a, b) a##b
#define RDB_CONCAT(a, b) RDB_CONCAT_INNER(a, b)

// Returns from the current function if `expr` (a Status) is not ok.
#define RETURN_IF_ERROR(expr)                 \
  do {                                        \
    ::relaydb::Status _st = (expr);           \
    if (!_st.ok()) return _st;                \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, F())`: declares x from a Result or returns its Status.
#define ASSIGN_OR_RETURN(lhs, expr) ASSIGN_OR_RETURN_IMPL(RDB_CONCAT(_res_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

}  // namespace relaydb
