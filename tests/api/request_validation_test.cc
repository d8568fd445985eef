// Issue 12, point 7: impossible calendar dates and duplicate JSON keys are refused with 400,
// wherever they come in.
#include <catch2/catch.hpp>

#include "api/api_test_support.h"

using namespace actorgraph::testing;

namespace {

std::string PostDate(const LiveServer& s, const std::string& date) {
  return ErrorCode(
      Send(s, "POST", "/api/v1/articles",
           "{\"text\":\"Karl Weber, head of Siemens Energy, spoke.\",\"date\":\"" + date + "\"}"));
}

}  // namespace

TEST_CASE("an article's date must be a day of the calendar", "[api][dates]") {
  LiveServer s({}, false);
  for (const char* bad : {"9999-99-99", "2024-13-01", "2024-00-10", "2024-04-31", "2023-02-29",
                          "1900-02-29", "2024-02-30", "2024-01-00", "0000-01-01"}) {
    INFO(bad);
    CHECK(PostDate(s, bad) == "invalid_date");
  }
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 0);
  // Leap days of leap years (divisible by 4; centuries only by 400) are days.
  auto leap =
      Send(s, "POST", "/api/v1/articles",
           "{\"text\":\"Karl Weber, head of Siemens Energy, spoke.\",\"date\":\"2000-02-29\"}");
  CHECK(leap.status == 201);
  CHECK(Send(s, "POST", "/api/v1/articles",
             "{\"text\":\"Maria Rossi, CEO of Rossi Robotics, spoke.\",\"date\":\"2024-02-29\"}")
            .status == 201);
}

TEST_CASE("date query parameters must be days of the calendar", "[api][dates]") {
  LiveServer s({}, false);
  for (const char* route : {"/api/v1/articles?since=", "/api/v1/articles?until=",
                            "/api/v1/events?from=", "/api/v1/events?to="}) {
    for (const char* bad : {"9999-99-99", "2023-02-29", "2024-06-31"}) {
      auto r = Get(s, std::string(route) + bad);
      INFO(route << bad);
      CHECK(r.status == 400);
      CHECK(ErrorCode(r) == "invalid_date");
    }
    CHECK(Get(s, std::string(route) + "2024-02-29").status == 200);
  }
}

TEST_CASE("a JSON body with a key twice in one object is refused", "[api][json]") {
  LiveServer s({}, false);
  auto twice = Send(s, "POST", "/api/v1/articles", R"({"text":"a","text":"Karl Weber spoke."})");
  CHECK(twice.status == 400);
  CHECK(ErrorCode(twice) == "duplicate_key");
  CHECK_THAT(twice.body["error"]["message"].get<std::string>(), Catch::Contains("'text'"));
  // Also when the second one is far from the first, or in a nested object.
  CHECK(
      ErrorCode(Send(s, "POST", "/api/v1/articles",
                     R"({"date":"2024-01-01","text":"Karl Weber spoke.","date":"2024-01-02"})")) ==
      "duplicate_key");
  CHECK(ErrorCode(Send(s, "POST", "/api/v1/articles",
                       R"({"text":"Karl Weber spoke.","x":{"a":1,"a":2}})")) == "duplicate_key");
  // The same key in two different objects is no duplicate (here it fails later, as unknown).
  CHECK(ErrorCode(Send(s, "POST", "/api/v1/articles",
                       R"({"text":"Karl Weber spoke.","x":[{"a":1},{"a":2}]})")) ==
        "unknown_field");
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 0);
}
