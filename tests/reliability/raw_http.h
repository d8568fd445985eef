// Raw HTTP/1.1 over a loopback TCP connection, for the tests of the server's HTTP edge: the
// bytes go out exactly as written (malformed, pipelined, trickled) and come back unparsed.
// Test support only.
#pragma once

#include <string>
#include <vector>

namespace actorgraph::testing {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port; fails the test when it cannot.
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends all of `bytes`; false when the server closed or reset the connection.
  bool Send(const std::string& bytes);
  // What arrives until the server closes the connection or `seconds` pass.
  std::string ReadUntilClosed(double seconds);
  // What arrives until `text` is among it (true), the connection closes or `seconds` pass.
  bool ReadUntil(const std::string& text, double seconds);
  // True once a read saw the end of the stream or a reset.
  bool closed() const { return closed_; }
  // Everything received so far.
  const std::string& received() const { return received_; }

 private:
  // One read of what is there within `seconds`; false on a timeout or the end of the stream.
  bool ReadSome(double seconds);

  int fd_ = -1;
  std::string received_;
  bool closed_ = false;
};

// The status of each response in `bytes`, in order ("HTTP/1.1 404 ..." -> 404); interim
// "100 Continue" answers included.
std::vector<int> Statuses(const std::string& bytes);
// The body of the last response in `bytes` (what follows its blank line).
std::string LastBody(const std::string& bytes);
// "Host: 127.0.0.1:<port>\r\n": the Host a request to the test server must name.
std::string HostLine(int port);

}  // namespace actorgraph::testing
