// POST /api/v1/articles within the extraction limits: an article past the CPU budget is
// refused with 422 too_complex and not stored; one that hit a cap is stored and names it.
#include <catch2/catch.hpp>

#include "api/api_test_support.h"
#include "support/limited_extractor.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

TEST_CASE("POST /articles refuses an article past the CPU budget with 422 too_complex",
          "[api][write][limits]") {
  importers::ExtractionLimits limits;
  limits.cpu_budget = std::chrono::milliseconds(50);
  auto extractor = OpenLimitedExtractor(limits);
  api::ServerOptions options;
  options.extractor = extractor.get();
  LiveServer s(options, false);
  auto refused =
      Send(s, "POST", "/api/v1/articles", json{{"text", DevCorpusText(400 << 10)}}.dump());
  CHECK(refused.status == 422);
  CHECK(ErrorCode(refused) == "too_complex");
  CHECK_THAT(refused.body["error"]["message"].get<std::string>(), Catch::Contains("CPU budget"));
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 0);
  auto small = Send(s, "POST", "/api/v1/articles",
                    R"({"text":"Karl Weber, head of Siemens Energy, spoke in Hanover."})");
  CHECK(small.status == 201);
  CHECK(small.body["extraction_limits"] == json::array());
}

TEST_CASE("POST /articles names the caps an article hit", "[api][write][limits]") {
  importers::ExtractionLimits limits;
  limits.max_mentions = 1;
  auto extractor = OpenLimitedExtractor(limits);
  api::ServerOptions options;
  options.extractor = extractor.get();
  LiveServer s(options, false);
  auto capped = Send(s, "POST", "/api/v1/articles",
                     R"({"text":"Karl Weber, head of Siemens Energy, spoke in Hanover."})");
  CHECK(capped.status == 201);
  CHECK(capped.body["extraction_limits"] == json{"mentions_capped"});
  CHECK(capped.body["nodes"].size() <= 1);
}
