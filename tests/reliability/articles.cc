#include "articles.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace actorgraph::testing {

namespace {

const std::vector<std::string> kGiven = {"Anna",   "Marek", "Sofia", "Lars",  "Elena",  "Tomas",
                                         "Ingrid", "Pavel", "Clara", "Jonas", "Mirela", "Oskar"};
const std::vector<std::string> kFamily = {"Lindqvist", "Novak",  "Moreau",   "Kowalski", "Brandt",
                                          "Okafor",    "Haddad", "Ferreira", "Tanaka",   "Petrov"};
const std::vector<std::string> kCompanyStem = {"Norda",     "Veltrano", "Skarvik", "Corvell",
                                               "Stenfjord", "Montalbo", "Kestrel", "Arvena",
                                               "Holmbru",   "Tessaro"};
const std::vector<std::string> kCompanySuffix = {"Robotics", "Automation", "Steel", "Systems",
                                                 "Motors"};
const std::vector<std::string> kRole = {"chief executive", "CTO", "head of operations", "CFO",
                                        "managing director"};
const std::vector<std::string> kEvent = {"Industry Summit", "Automation Forum", "Steel Congress",
                                         "Manufacturing Expo"};
const std::vector<std::string> kCity = {"Gdansk", "Lisbon", "Hamburg",   "Valladolid",
                                        "Turin",  "Lyon",   "Rotterdam", "Gothenburg"};

}  // namespace

std::string GeneratedArticle(int i, unsigned seed) {
  std::mt19937 rng(seed * 7919u + static_cast<unsigned>(i));
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::string person = pick(kGiven) + " " + pick(kFamily),
              other = pick(kGiven) + " " + pick(kFamily);
  std::string company = pick(kCompanyStem) + " " + pick(kCompanySuffix);
  std::string partner = pick(kCompanyStem) + " " + pick(kCompanySuffix);
  std::string event = pick(kCompanyStem) + " " + pick(kEvent) + " " + std::to_string(2015 + i % 10);
  std::string city = pick(kCity);
  char date[16];
  std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
  return company + " at the " + event + "\n\n" + date + "\n\n" + city + " — " + person + ", " +
         pick(kRole) + " of " + company + ", spoke at the " + event + " in " + city + ". The " +
         event + " was organised by " + partner + ". " + other + ", " + pick(kRole) + " of " +
         partner + ", moderated a panel on plant number " + std::to_string(i) +
         ".\n\n\"We are investing in " + city + ",\" said " + person + ". Report " +
         std::to_string(i) + " of series " + std::to_string(seed) + ".\n";
}

std::vector<std::string> WriteGeneratedArticles(const std::string& dir, int n, unsigned seed) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%05d.txt", i);
    std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream(path) << GeneratedArticle(i, seed);
    paths.push_back(path);
  }
  return paths;
}

}  // namespace actorgraph::testing
