#include "source/replica_registry.h"

#include <gtest/gtest.h>

namespace relaydb::source {
namespace {

std::string RegisterPacket(uint32_t server_id, std::string host, uint16_t port) {
  std::string p(1, '\x15');
  for (int i = 0; i < 4; i++) p += static_cast<char>((server_id >> (8 * i)) & 0xff);
  p += static_cast<char>(host.size());
  p += host;
  p += '\x04';
  p += "repl";
  p += '\x00';
  p += static_cast<char>(port & 0xff);
  p += static_cast<char>(port >> 8);
  p += std::string(8, '\0');
  return p;
}

TEST(ReplicaRegistryTest, ParsesRegisterSlave) {
  auto info = ParseRegisterSlave(RegisterPacket(7, "replica1", 3307));
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->server_id, 7u);
  EXPECT_EQ(info->host, "replica1");
  EXPECT_EQ(info->user, "repl");
  EXPECT_EQ(info->port, 3307);
}

TEST(ReplicaRegistryTest, TruncatedRegisterSlaveIsRejected) {
  std::string p = RegisterPacket(7, "replica1", 3307);
  for (size_t n = 0; n < 15; n++) {
    auto info = ParseRegisterSlave(p.substr(0, n));
    EXPECT_FALSE(info.ok()) << n;
    if (!info.ok()) {
      EXPECT_EQ(info.status().mysql_errno(), 1835);
    }
  }
}

TEST(ReplicaRegistryTest, SameServerIdClosesTheOlderConnection) {
  ReplicaRegistry reg;
  int killed_first = 0, killed_second = 0;
  ReplicaInfo a;
  a.server_id = 5;
  a.connection_id = 10;
  reg.Register(a, [&] { killed_first++; });
  ReplicaInfo b = a;
  b.connection_id = 11;
  reg.Register(b, [&] { killed_second++; });
  EXPECT_EQ(killed_first, 1);
  EXPECT_EQ(killed_second, 0);
  ASSERT_EQ(reg.List().size(), 1u);
  EXPECT_EQ(reg.List()[0].connection_id, 11u);
  // The old connection going away must not remove the new registration.
  reg.Unregister(10);
  EXPECT_EQ(reg.size(), 1u);
  reg.Unregister(11);
  EXPECT_EQ(reg.size(), 0u);
}

}  // namespace
}  // namespace relaydb::source
