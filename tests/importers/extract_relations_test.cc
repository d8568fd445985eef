// The whole extractor on short press-style texts written for the test, one rule each.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "actorgraph/importers/pipeline.h"
#include "importers/extract_test_util.h"

using namespace actorgraph;
using namespace actorgraph::importers::testing;
using core::EdgeType;
using core::NodeType;

namespace {

// One expectation about what Extract finds in a text.
struct Want {
  enum Kind { kRelation, kNoRelation, kEntity, kNoEntity } kind;
  EdgeType edge = EdgeType::kWorksFor;  // for relations
  NodeType node = NodeType::kPerson;    // for entities
  std::string a, b;                     // from/to, or the entity's name
  std::string title;                    // a relation's title as written, when checked
};

Want Rel(EdgeType e, std::string from, std::string to, std::string title = {}) {
  return {Want::kRelation, e, NodeType::kPerson, std::move(from), std::move(to),
          std::move(title)};
}
Want NoRel(EdgeType e, std::string from, std::string to) {
  return {Want::kNoRelation, e, NodeType::kPerson, std::move(from), std::move(to), {}};
}
Want Is(NodeType t, std::string name) {
  return {Want::kEntity, EdgeType::kWorksFor, t, std::move(name), {}, {}};
}
Want IsNot(NodeType t, std::string name) {
  return {Want::kNoEntity, EdgeType::kWorksFor, t, std::move(name), {}, {}};
}

void Check(const importers::Extraction& x, const Want& w) {
  switch (w.kind) {
    case Want::kRelation: {
      INFO("relation " << core::EdgeTypeName(w.edge) << ": " << w.a << " -> " << w.b);
      const auto* r = FindRelation(x, w.edge, w.a, w.b);
      CHECK(r);
      if (r && !w.title.empty()) CHECK(r->title == w.title);
      break;
    }
    case Want::kNoRelation: {
      INFO("no relation " << core::EdgeTypeName(w.edge) << ": " << w.a << " -> " << w.b);
      CHECK(!FindRelation(x, w.edge, w.a, w.b));
      break;
    }
    case Want::kEntity: {
      INFO("entity " << core::NodeTypeName(w.node) << ": " << w.a);
      CHECK(FindEntity(x, w.node, w.a) >= 0);
      break;
    }
    case Want::kNoEntity: {
      INFO("no entity " << core::NodeTypeName(w.node) << ": " << w.a);
      CHECK(FindEntity(x, w.node, w.a) < 0);
      break;
    }
  }
}

// A rule, a text written to show it, and what the extractor must (not) find in it.
struct Case {
  const char* rule;
  const char* text;
  std::vector<Want> wants;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"title of organisation before the name",
       "Nordvik Shipping Company CEO Lars Nilsen announced the results.",
       {Rel(EdgeType::kWorksFor, "Lars Nilsen", "Nordvik Shipping Company", "CEO")}},
      {"speech at a named event",
       "The Baltic Robotics Summit was held in Riga on Monday. Peter Kalnins, Director of the "
       "Latvian Robotics Association, delivered a keynote at the Summit.",
       {Rel(EdgeType::kSpeaksAt, "Peter Kalnins", "Baltic Robotics Summit"),
        Rel(EdgeType::kLocatedIn, "Baltic Robotics Summit", "Riga"),
        Rel(EdgeType::kWorksFor, "Peter Kalnins", "Latvian Robotics Association")}},
      {"hosting gives organizes for each host",
       "The Nile Investment Forum was co-hosted by the Egyptian Ministry of Trade and the "
       "Cairo Chamber of Commerce.",
       {Rel(EdgeType::kOrganizes, "Egyptian Ministry of Trade", "Nile Investment Forum"),
        Rel(EdgeType::kOrganizes, "Cairo Chamber of Commerce", "Nile Investment Forum")}},
      {"part-of from a subsidiary phrase and from a name",
       "Orion Motors Brazil said sales grew. Orion Motors Brazil is a unit of Orion Motors.",
       {Rel(EdgeType::kPartOf, "Orion Motors Brazil", "Orion Motors")}},
      {"located-in at every level of the phrase",
       "Keller Pumps AG, headquartered in Stuttgart, Germany, opened a plant in Chennai.",
       {Rel(EdgeType::kLocatedIn, "Keller Pumps AG", "Stuttgart"),
        Rel(EdgeType::kLocatedIn, "Keller Pumps AG", "Germany")}},
      {"partnership between two organisations",
       "Helio Solar Corp. and Kestrel Grid Ltd. signed a partnership agreement on Tuesday.",
       {Rel(EdgeType::kPartnersWith, "Kestrel Grid Ltd.", "Helio Solar Corp.")}},
      {"a capitalised name is a company only with business evidence",
       "Engineers showed the Quantix Pro line to visitors. Norrvik announced a new plant in "
       "Tampere. Carmakers such as Zorva and Meltis already buy its parts.",
       {Is(NodeType::kCompany, "Norrvik"), Is(NodeType::kCompany, "Zorva"),
        Is(NodeType::kCompany, "Meltis"), IsNot(NodeType::kCompany, "Quantix Pro")}},
      {"the employer after 'of' a lower-case title",
       "The new president of Harrow Lanes China, Li Wenbo, said sales grew.",
       {Is(NodeType::kCompany, "Harrow Lanes China")}},
      {"names coordinated with an institution are institutions",
       "Kelmar Institute and partners Brevia Tessile held the Third Alpine Robotics Forum.",
       {Is(NodeType::kAgency, "Brevia Tessile")}},
      {"a free state is a government actor",
       "Tarvo Dynamics AG received a research grant from the Free State of Saxony.",
       {Is(NodeType::kAgency, "Free State of Saxony")}},
      {"the dateline dash does not hide the first word of the body",
       "ODESSA, 3 May 2021 - Co-hosted by the Ministry of Ports and the Black Sea Chamber of "
       "Commerce, the Odessa Port Forum was held on Monday.",
       {Rel(EdgeType::kOrganizes, "Ministry of Ports", "Odessa Port Forum"),
        Rel(EdgeType::kOrganizes, "Black Sea Chamber of Commerce", "Odessa Port Forum")}},
      {"a membership body belongs to the title, a second post after 'and'",
       "The Ministry of Coastal Affairs held a meeting. Tan Wenhui, Member of the Regional Board "
       "and Deputy Minister of the Ministry, spoke. Ho Jiaming, Member of the Regional Board and "
       "Head of the Harbour Safety Bureau, attended.",
       {Rel(EdgeType::kWorksFor, "Tan Wenhui", "Ministry of Coastal Affairs",
            "Member of the Regional Board and Deputy Minister"),
        Rel(EdgeType::kWorksFor, "Ho Jiaming", "Harbour Safety Bureau"),
        IsNot(NodeType::kCompany, "Regional Board")}},
      {"a unit named after a known organisation takes its kind",
       "The Nordic Robotics Agency (NORA) opened an office. Erik Lund, Head, NORA DTC Malmo, "
       "noted the office would grow.",
       {Is(NodeType::kAgency, "NORA DTC Malmo"), IsNot(NodeType::kPerson, "NORA DTC Malmo"),
        Rel(EdgeType::kWorksFor, "Erik Lund", "NORA DTC Malmo")}},
      {"organisation, title, comma, name",
       "The Baltic Machine Society (BMS) held its annual forum. BMS Chair, Erik Sand, opened "
       "the forum.",
       {Rel(EdgeType::kWorksFor, "Erik Sand", "Baltic Machine Society")}},
      {"a name that starts an organisation's name is that organisation",
       "Peter Holm Shipping Co reported higher profits. Peter Holm chairman Lars Eng said "
       "demand was strong.",
       {IsNot(NodeType::kPerson, "Peter Holm"),
        Rel(EdgeType::kWorksFor, "Lars Eng", "Peter Holm Shipping Co")}},
      {"located-in from a leading participle phrase",
       "Founded in 1971 and headquartered in Lyon, France, the Rhone Valve Institute is a "
       "research body.",
       {Rel(EdgeType::kLocatedIn, "Rhone Valve Institute", "Lyon"),
        Rel(EdgeType::kLocatedIn, "Rhone Valve Institute", "France")}},
      {"located-in takes the subject, not the object of 'of'",
       "The Western Liaison Office, a unit of the Nordic Robotics Agency, was formally "
       "inaugurated in the Gdansk Harbour Zone on Friday.",
       {Rel(EdgeType::kLocatedIn, "Western Liaison Office", "Gdansk Harbour Zone"),
        NoRel(EdgeType::kLocatedIn, "Nordic Robotics Agency", "Gdansk Harbour Zone")}},
      {"located-in through 'it' and a leading 'In PLACE,'",
       "Kestrel Pumps AG reported higher sales. In Brazil, it operates a plant in Curitiba with "
       "300 workers. The Kestrel Service Centre operates in Porto.",
       {Rel(EdgeType::kLocatedIn, "Kestrel Pumps AG", "Brazil"),
        Rel(EdgeType::kLocatedIn, "Kestrel Pumps AG", "Curitiba")}},
      {"'the livestreamed session' refers to the event and opens a speaker list",
       "Plant managers will meet at the Baltic Factory Summit in Riga.\n\n"
       "The agenda is long. There will be many panels. Tickets are free.\n\n"
       "The livestreamed session is planned for 3 May and will feature:\n\n"
       "Ilse Kask, Chief Operating Officer, Tarvo Dynamics AG\n\n"
       "Ruta Vilks, Plant Director, Kestrel Pumps AG\n",
       {Rel(EdgeType::kSpeaksAt, "Ilse Kask", "Baltic Factory Summit"),
        Rel(EdgeType::kSpeaksAt, "Ruta Vilks", "Baltic Factory Summit")}},
      {"an event-named organisation in a title does not capture later speakers",
       "The Nordic Industry Summit (NIS) hosted a webinar on \"Robots on the Shop Floor: What "
       "Comes Next?\". Anna Holm, Managing Director, NIS, observed that demand grew. A roundtable "
       "moderated by Olof Berg, Head, NORA DTC Malmo, stressed the role of the "
       "Nordic Robotics Agency (NORA).",
       {Is(NodeType::kAgency, "Nordic Industry Summit"),
        Rel(EdgeType::kSpeaksAt, "Anna Holm", "Robots on the Shop Floor: What Comes Next?"),
        Rel(EdgeType::kModerates, "Olof Berg", "Robots on the Shop Floor: What Comes Next?"),
        Is(NodeType::kAgency, "NORA DTC Malmo")}},
      {"'A, in collaboration with B and C, hosted E': the verb picks the event",
       "Last month the Kelmar Institute, in collaboration with the Baltic Machine Society (BMS) "
       "and the Nordic Industry Summit (NIS), hosted a webinar on \"Robots on the Shop "
       "Floor: What Comes Next?\".",
       {Rel(EdgeType::kOrganizes, "Kelmar Institute", "Robots on the Shop Floor: What Comes Next?"),
        Rel(EdgeType::kOrganizes, "Baltic Machine Society",
            "Robots on the Shop Floor: What Comes Next?"),
        Rel(EdgeType::kOrganizes, "Nordic Industry Summit",
            "Robots on the Shop Floor: What Comes Next?")}},
      {"a minister's portfolio names the ministry the article mentions",
       "The fair was co-hosted by the Ministry of Trade and the Ministry of Agriculture and "
       "Environment.\n\nAt the welcome reception, Mayor of Riga Anna Ozola, Vice Trade "
       "Minister Ivo Kalns and Vice Agriculture and Environment Minister Edgars Liepa addressed "
       "the guests.",
       {Rel(EdgeType::kWorksFor, "Ivo Kalns", "Ministry of Trade", "Vice Trade Minister"),
        Rel(EdgeType::kWorksFor, "Edgars Liepa", "Ministry of Agriculture and Environment"),
        NoRel(EdgeType::kWorksFor, "Anna Ozola", "Ministry of Trade")}},
      {"'Minister of Water and Rural Industry' is a portfolio, not an organisation",
       "Dr. Karim Haddad, Minister of Water and Rural Industry, will co-chair the Gulf "
       "Industry Forum.",
       {IsNot(NodeType::kCompany, "Water and Rural Industry"),
        IsNot(NodeType::kAgency, "Water and Rural Industry")}},
      {"an acronym in apposition, an announcing event name, a regional unit",
       "The Nordic Industry Summit, NIS, has announced a new chair. The 5th Baltic (Riga) "
       "Machine Fair (BRMF) opened on Monday. Ilse Kask, President of Tarvo Europe, opened "
       "the new plant.",
       {Is(NodeType::kAgency, "NIS"), Is(NodeType::kAgency, "Nordic Industry Summit"),
        Is(NodeType::kEvent, "BRMF"), Rel(EdgeType::kWorksFor, "Ilse Kask", "Tarvo Europe")}},
      {"part-of from 'X, a Y project' and 'part of Y's Z'",
       "The Harbour Data Network, a Nordic Robotics Agency project, met in Oslo. The Riga "
       "Trade Centre, which is part of the Nordic Robotics Agency's Liaison Office Network, "
       "hosted the Baltic Trade Meeting.",
       {Rel(EdgeType::kPartOf, "Harbour Data Network", "Nordic Robotics Agency"),
        Rel(EdgeType::kPartOf, "Riga Trade Centre", "Liaison Office Network")}},
      {"time zones and a title's area are not organisations",
       "The call starts at 09:30 - 11.00 (CEST).\n\nIlse Kask, Executive Vice "
       "President, Global Procurement, Tarvo Dynamics AG, said costs fell.",
       {IsNot(NodeType::kAgency, "CEST"), IsNot(NodeType::kCompany, "Global Procurement"),
        Rel(EdgeType::kWorksFor, "Ilse Kask", "Tarvo Dynamics AG")}},
      {"a head word that is also a region's name still heads the name",
       "The Kelmar Trade Centre hosted the Baltic Trade Meeting. Ivo Kalns, Deputy Director of "
       "the Planning Centre under the Government of Latvia, addressed the meeting.",
       {Is(NodeType::kAgency, "Kelmar Trade Centre"),
        Rel(EdgeType::kOrganizes, "Kelmar Trade Centre", "Baltic Trade Meeting"),
        Rel(EdgeType::kWorksFor, "Ivo Kalns", "Planning Centre under the Government of Latvia")}},
      {"contracts with a list after 'such as'; a jointly run plant",
       "Tarvo Dynamics AG has signed supply contracts worth several billion kroner with various "
       "carmakers, such as Zorva and Meltis. The new foundry is to be jointly operated by "
       "Tarvo Dynamics AG and Danish pump maker Kestrel Pumps AG.",
       {Rel(EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Zorva"),
        Rel(EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Meltis"),
        Rel(EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Kestrel Pumps AG")}},
      {"jointly hosting an event is not a partnership",
       "The Baltic Trade Meeting, jointly hosted by the Kelmar Institute and the Riga "
       "Chamber of Commerce, opened on Monday.",
       {NoRel(EdgeType::kPartnersWith, "Kelmar Institute", "Riga Chamber of Commerce"),
        Rel(EdgeType::kOrganizes, "Kelmar Institute", "Baltic Trade Meeting")}},
      {"a quotation over several sentences: its speaker, not the names inside it",
       "\"Poland matters a great deal to Tarvo Dynamics AG. Tarvo Dynamics AG expects growth "
       "there. Chairman Ivo Kalns wants more investment,\" Ilse Kask said at the Tarvo "
       "Supplier Day in Gdansk on Friday.",
       {Rel(EdgeType::kSpeaksAt, "Ilse Kask", "Tarvo Supplier Day"),
        NoRel(EdgeType::kSpeaksAt, "Ivo Kalns", "Tarvo Supplier Day"),
        // The title with no organisation takes the one the paragraph was just about.
        Rel(EdgeType::kWorksFor, "Ivo Kalns", "Tarvo Dynamics AG")}},
      {"an unnamed unit of a named organisation",
       "Ruta Vilks, president of the Polish committee of Kestrel Pumps AG, said sales grew.",
       {Rel(EdgeType::kWorksFor, "Ruta Vilks", "Kestrel Pumps AG")}},
      {"'A and B, Vice Ministers': both work for the one ministry named",
       "The Ministry of Coastal Affairs held its annual meeting. Tan Wenhui and Ho Jiaming, "
       "Members of the Regional Board and Deputy Ministers, Li Na, Deputy Minister, attended.",
       {Rel(EdgeType::kWorksFor, "Tan Wenhui", "Ministry of Coastal Affairs",
            "Members of the Regional Board and Deputy Ministers"),
        Rel(EdgeType::kWorksFor, "Ho Jiaming", "Ministry of Coastal Affairs"),
        Rel(EdgeType::kWorksFor, "Li Na", "Ministry of Coastal Affairs")}},
      {"a bare minister's title with two ministries named stays unattached",
       "The Ministry of Trade and the Ministry of Ports signed an agreement. Li Na, Vice "
       "Minister, attended.",
       {NoRel(EdgeType::kWorksFor, "Li Na", "Ministry of Trade"),
        NoRel(EdgeType::kWorksFor, "Li Na", "Ministry of Ports")}},
      {"a bare acronym that spells a name's initials is that actor",
       "The 2024 Baltic Robotics Forum was held in Riga. Ilse Kask gave the first talk at "
       "the BRF on Monday.",
       {Is(NodeType::kEvent, "BRF"), IsNot(NodeType::kAgency, "BRF")}},
      {"what a host holds is in the place, not the host",
       "The Kelmar Institute and partners held the Alpine Robotics Forum from 4 to 6 June "
       "at the Grand Hotel Lido in Bellagio, Italy.",
       {Rel(EdgeType::kLocatedIn, "Alpine Robotics Forum", "Bellagio"),
        Rel(EdgeType::kLocatedIn, "Alpine Robotics Forum", "Italy"),
        NoRel(EdgeType::kLocatedIn, "Kelmar Institute", "Italy")}},
      {"a facility named in the next sentence is what is in the place",
       "Tarvo Dynamics AG said on Monday that its new battery plant has opened in Pune, "
       "Maharashtra. The plant, named Tarvo Works Pune (TWP), will make controllers.",
       {Rel(EdgeType::kLocatedIn, "Tarvo Works Pune", "Pune"),
        Rel(EdgeType::kLocatedIn, "Tarvo Works Pune", "Maharashtra"),
        NoRel(EdgeType::kLocatedIn, "Tarvo Dynamics AG", "Pune")}},
      {"without a name for the facility, the company is placed there",
       "Tarvo Dynamics AG said its new plant opened in Pune last week. It will make "
       "controllers.",
       {Rel(EdgeType::kLocatedIn, "Tarvo Dynamics AG", "Pune")}},
      {"'X & Company', all-caps headline connectors, 'the Closing Day'",
       "ZORVA AND MELTIS SIGN BATTERY DEAL\n\nThe study was run by Harlow & Company for the "
       "Kelmar Institute. The Closing Day of the Baltic Robotics Summit ended with a speech.",
       {Is(NodeType::kCompany, "Harlow & Company"), IsNot(NodeType::kCompany, "ZORVA AND"),
        IsNot(NodeType::kEvent, "Closing Day"), Is(NodeType::kEvent, "Baltic Robotics Summit")}},
      {"a demonym and one more word can be a company's name",
       "Omar Haddad, Chief Digital Officer, Danish Petrolink, said output rose. The Danish "
       "Minister Lars Holm attended.",
       {Rel(EdgeType::kWorksFor, "Omar Haddad", "Danish Petrolink"),
        Is(NodeType::kPerson, "Lars Holm")}},
      {"a possessive or 'had' alone does not make a company",
       "Critics admired Ferrand's early sketch of a poster. Vautrin had a monopoly on printed "
       "posters. Orvalo's plant in Porto employs 300 people.",
       {IsNot(NodeType::kCompany, "Ferrand"), IsNot(NodeType::kCompany, "Vautrin"),
        Is(NodeType::kCompany, "Orvalo")}},
  };
  return cases;
}

}  // namespace

TEST_CASE("one rule per text: the relations and types it must (not) give", "[extract]") {
  for (const Case& c : Cases()) {
    DYNAMIC_SECTION(c.rule) {
      auto x = ExtractText(c.text);
      for (const Want& w : c.wants) Check(x, w);
    }
  }
}

TEST_CASE("apposition gives works-for with the title as written", "[extract]") {
  auto x = ExtractText(
      "Maria Lopez, Chief Operating Officer, Andes Copper Company, said output would rise.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Maria Lopez", "Andes Copper Company");
  REQUIRE(r);
  CHECK(r->title == "Chief Operating Officer");
  CHECK(x.relations.front().end > x.relations.front().begin);
}

TEST_CASE("headline is extracted and evidence offsets point into the stored text",
          "[extract]") {
  importers::Document doc;
  doc.title = "Tarvo Dynamics AG signs agreement with Lumen Grid Corporation";
  doc.text =
      "Tarvo Dynamics AG said the deal covers battery storage.\n\n"
      "Helga Rask, Chief Executive Officer, Tarvo Dynamics AG, said the plant would open soon.";
  auto x = importers::Extract(doc);
  // Entities named only in the headline are found.
  CHECK(FindEntity(x, NodeType::kCompany, "Lumen Grid Corporation") >= 0);
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Lumen Grid Corporation"));
  REQUIRE(FindRelation(x, EdgeType::kWorksFor, "Helga Rask", "Tarvo Dynamics AG"));
  core::ArticleFacts facts = importers::ToFacts(doc, x);
  CHECK(facts.text == importers::ArticleText(doc));
  REQUIRE(!facts.relations.empty());
  for (const auto& r : facts.relations) {
    REQUIRE(r.end <= facts.text.size());
    CHECK(facts.text.substr(r.begin, r.end - r.begin) == r.sentence);
  }
}

TEST_CASE("ArticleText does not repeat a headline the body already opens with", "[extract]") {
  importers::Document doc;
  doc.title = "Orvel Systems opens office";
  doc.text = "Orvel Systems opens office\n\nThe office is in Lyon.";
  CHECK(importers::ArticleText(doc) == doc.text);
  doc.title.clear();
  CHECK(importers::ArticleText(doc) == doc.text);
  doc.title = "Another headline";
  CHECK(importers::ArticleText(doc) == "Another headline\n\n" + doc.text);
}

TEST_CASE("a surname alone refers back to the full name", "[extract]") {
  auto x = ExtractText(
      "Daniel Okafor, President of the Lagos Chamber of Industry, spoke first. Okafor said "
      "exports would grow.");
  int p = FindEntity(x, NodeType::kPerson, "Daniel Okafor");
  REQUIRE(p >= 0);
  CHECK(FindEntity(x, NodeType::kPerson, "Okafor") == p);
  int persons = 0;
  for (const auto& e : x.entities) persons += e.type == NodeType::kPerson;
  CHECK(persons == 1);
}

TEST_CASE("'X, known as Y outside Z' gives one organisation with both names", "[extract]") {
  auto x = ExtractText(
      "Dae Ryung Metal Industry Co plans a new plant. Dae Ryung, known as Norlex Engineering "
      "Group outside Korea, supplies Tarvo Dynamics AG.");
  int a = FindEntity(x, NodeType::kCompany, "Dae Ryung Metal Industry Co");
  REQUIRE(a >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Norlex Engineering Group") == a);
}
