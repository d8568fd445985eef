// The whole extractor on short press-style texts written for the test, one rule each.
#include <catch2/catch.hpp>

#include "actorgraph/importers/pipeline.h"
#include "importers/extract_test_util.h"

using namespace actorgraph;
using namespace actorgraph::importers::testing;
using core::EdgeType;
using core::NodeType;

TEST_CASE("apposition gives works-for with the title as written", "[extract]") {
  auto x = ExtractText(
      "Maria Lopez, Chief Operating Officer, Andes Copper Company, said output would rise.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Maria Lopez", "Andes Copper Company");
  REQUIRE(r);
  CHECK(r->title == "Chief Operating Officer");
  CHECK(x.relations.front().end > x.relations.front().begin);
}

TEST_CASE("title of organisation before the name", "[extract]") {
  auto x = ExtractText("Nordvik Shipping Company CEO Lars Nilsen announced the results.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Lars Nilsen", "Nordvik Shipping Company");
  REQUIRE(r);
  CHECK(r->title == "CEO");
}

TEST_CASE("speech at a named event", "[extract]") {
  auto x = ExtractText(
      "The Baltic Robotics Summit was held in Riga on Monday. Peter Kalnins, Director of the "
      "Latvian Robotics Association, delivered a keynote at the Summit.");
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Peter Kalnins", "Baltic Robotics Summit"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Baltic Robotics Summit", "Riga"));
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Peter Kalnins", "Latvian Robotics Association"));
}

TEST_CASE("hosting gives organizes for each host", "[extract]") {
  auto x = ExtractText(
      "The Nile Investment Forum was co-hosted by the Egyptian Ministry of Trade and the "
      "Cairo Chamber of Commerce.");
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Egyptian Ministry of Trade",
                     "Nile Investment Forum"));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Cairo Chamber of Commerce",
                     "Nile Investment Forum"));
}

TEST_CASE("part-of from a subsidiary phrase and from a name", "[extract]") {
  auto x = ExtractText(
      "Orion Motors Brazil said sales grew. Orion Motors Brazil is a unit of Orion Motors.");
  CHECK(FindRelation(x, EdgeType::kPartOf, "Orion Motors Brazil", "Orion Motors"));
}

TEST_CASE("located-in at every level of the phrase", "[extract]") {
  auto x = ExtractText(
      "Keller Pumps AG, headquartered in Stuttgart, Germany, opened a plant in Chennai.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Keller Pumps AG", "Stuttgart"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Keller Pumps AG", "Germany"));
}

TEST_CASE("partnership between two organisations", "[extract]") {
  auto x = ExtractText(
      "Helio Solar Corp. and Kestrel Grid Ltd. signed a partnership agreement on Tuesday.");
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Kestrel Grid Ltd.", "Helio Solar Corp."));
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

TEST_CASE("a capitalised name is a company only with business evidence", "[extract]") {
  auto x = ExtractText(
      "Engineers showed the Quantix Pro line to visitors. Norrvik announced a new plant in "
      "Tampere. Carmakers such as Zorva and Meltis already buy its parts.");
  CHECK(FindEntity(x, NodeType::kCompany, "Norrvik") >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Zorva") >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Meltis") >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Quantix Pro") < 0);
}

TEST_CASE("the employer after 'of' a lower-case title", "[extract]") {
  auto x = ExtractText("The new president of Harrow Lanes China, Li Wenbo, said sales grew.");
  CHECK(FindEntity(x, NodeType::kCompany, "Harrow Lanes China") >= 0);
}

TEST_CASE("names coordinated with an institution are institutions", "[extract]") {
  auto x = ExtractText(
      "Kelmar Institute and partners Brevia Lombarda held the Third Alpine Robotics Forum.");
  CHECK(FindEntity(x, NodeType::kAgency, "Brevia Lombarda") >= 0);
}

TEST_CASE("a free state is a government actor", "[extract]") {
  auto x = ExtractText("Tarvo Dynamics AG signed an agreement with the Free State of Saxony.");
  CHECK(FindEntity(x, NodeType::kAgency, "Free State of Saxony") >= 0);
}

TEST_CASE("the dateline dash does not hide the first word of the body", "[extract]") {
  auto x = ExtractText(
      "ODESSA, 3 May 2021 - Co-hosted by the Ministry of Ports and the Black Sea Chamber of "
      "Commerce, the Odessa Port Forum was held on Monday.");
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Ministry of Ports", "Odessa Port Forum"));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Black Sea Chamber of Commerce",
                     "Odessa Port Forum"));
}

TEST_CASE("a membership body belongs to the title, a second post after 'and'", "[extract]") {
  auto x = ExtractText(
      "The Ministry of Coastal Affairs held a meeting. Tan Wenhui, Member of the Party Group "
      "and Vice Minister of the Ministry, spoke. Ho Jiaming, Member of the Party Group and "
      "Director of the Harbour Safety Bureau, attended.");
  const auto* r =
      FindRelation(x, EdgeType::kWorksFor, "Tan Wenhui", "Ministry of Coastal Affairs");
  REQUIRE(r);
  CHECK(r->title == "Member of the Party Group and Vice Minister");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ho Jiaming", "Harbour Safety Bureau"));
  CHECK(FindEntity(x, NodeType::kCompany, "Party Group") < 0);
}

TEST_CASE("a unit named after a known organisation takes its kind", "[extract]") {
  auto x = ExtractText(
      "The Nordic Robotics Agency (NORA) opened an office. Erik Lund, Head, NORA DTC Malmo, "
      "noted the office would grow.");
  CHECK(FindEntity(x, NodeType::kAgency, "NORA DTC Malmo") >= 0);
  CHECK(FindEntity(x, NodeType::kPerson, "NORA DTC Malmo") < 0);
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Erik Lund", "NORA DTC Malmo"));
}

TEST_CASE("organisation, title, comma, name", "[extract]") {
  auto x = ExtractText(
      "The Baltic Machine Society (BMS) held its annual forum. BMS Chair, Erik Sand, opened "
      "the forum.");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Erik Sand", "Baltic Machine Society"));
}

TEST_CASE("a name that starts an organisation's name is that organisation", "[extract]") {
  auto x = ExtractText(
      "Peter Holm Shipping Co reported higher profits. Peter Holm chairman Lars Eng said "
      "demand was strong.");
  CHECK(FindEntity(x, NodeType::kPerson, "Peter Holm") < 0);
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Lars Eng", "Peter Holm Shipping Co"));
}

TEST_CASE("located-in from a leading participle phrase", "[extract]") {
  auto x = ExtractText(
      "Founded in 1971 and headquartered in Lyon, France, the Rhone Valve Institute is a "
      "research body.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Rhone Valve Institute", "Lyon"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Rhone Valve Institute", "France"));
}

TEST_CASE("located-in takes the subject, not the object of 'of'", "[extract]") {
  auto x = ExtractText(
      "The Western Liaison Office, a unit of the Nordic Robotics Agency, was inaugurated in "
      "the Gdansk Harbour Zone.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Western Liaison Office", "Gdansk Harbour Zone"));
  CHECK(!FindRelation(x, EdgeType::kLocatedIn, "Nordic Robotics Agency", "Gdansk Harbour Zone"));
}

TEST_CASE("located-in through 'it' and a leading 'In PLACE,'", "[extract]") {
  auto x = ExtractText(
      "Kestrel Pumps AG reported higher sales. In Brazil, it has a plant in Curitiba which "
      "employs 300 people. The Kestrel Service Centre operates in Porto.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Kestrel Pumps AG", "Brazil"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Kestrel Pumps AG", "Curitiba"));
}

TEST_CASE("'the livestreamed session' refers to the event and opens a speaker list",
          "[extract]") {
  auto x = ExtractText(
      "Plant managers will meet at the Baltic Factory Summit in Riga.\n\n"
      "The agenda is long. There will be many panels. Tickets are free.\n\n"
      "The livestreamed session will take place on 3 May. It will feature:\n\n"
      "Ilse Kask, Chief Operating Officer, Tarvo Dynamics AG\n\n"
      "Ruta Vilks, Plant Director, Kestrel Pumps AG\n");
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Ilse Kask", "Baltic Factory Summit"));
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Ruta Vilks", "Baltic Factory Summit"));
}

TEST_CASE("an event-named organisation in a title does not capture later speakers",
          "[extract]") {
  auto x = ExtractText(
      "The Nordic Industry Summit (NIS) hosted a webinar on \"Robots on the Shop Floor: What "
      "Comes Next?\". Anna Holm, Managing Director, NIS, observed that demand grew. The panel "
      "discussion moderated by Olof Berg, Head, NORA DTC Malmo noted the work of the "
      "Nordic Robotics Agency (NORA).");
  CHECK(FindEntity(x, NodeType::kAgency, "Nordic Industry Summit") >= 0);
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Anna Holm",
                     "Robots on the Shop Floor: What Comes Next?"));
  CHECK(FindRelation(x, EdgeType::kModerates, "Olof Berg",
                     "Robots on the Shop Floor: What Comes Next?"));
  CHECK(FindEntity(x, NodeType::kAgency, "NORA DTC Malmo") >= 0);
}

TEST_CASE("'A, in collaboration with B and C, hosted E': the verb picks the event",
          "[extract]") {
  auto x = ExtractText(
      "Ahead of the Nordic Industry Summit (NIS) 2025, the Kelmar Institute, in collaboration "
      "with the Baltic Machine Society (BMS) and NIS, hosted a webinar on \"Robots on the Shop "
      "Floor: What Comes Next?\".");
  const std::string webinar = "Robots on the Shop Floor: What Comes Next?";
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Kelmar Institute", webinar));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Baltic Machine Society", webinar));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Nordic Industry Summit", webinar));
}

TEST_CASE("a minister's portfolio names the ministry the article mentions", "[extract]") {
  auto x = ExtractText(
      "The fair was co-hosted by the Ministry of Trade and the Ministry of Science and "
      "Technology.\n\nDuring the Opening Ceremony, Mayor of Riga Anna Ozola, Vice Trade "
      "Minister Ivo Kalns and Vice Science and Technology Minister Edgars Liepa delivered "
      "speeches.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Ivo Kalns", "Ministry of Trade");
  REQUIRE(r);
  CHECK(r->title == "Vice Trade Minister");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Edgars Liepa", "Ministry of Science and Technology"));
  CHECK(!FindRelation(x, EdgeType::kWorksFor, "Anna Ozola", "Ministry of Trade"));
}

TEST_CASE("'Minister of Energy and Industry' is a portfolio, not an organisation", "[extract]") {
  auto x = ExtractText(
      "Dr. Karim Haddad, Minister of Energy and Advanced Industry, will co-chair the Gulf "
      "Industry Forum.");
  CHECK(FindEntity(x, NodeType::kCompany, "Energy and Advanced Industry") < 0);
  CHECK(FindEntity(x, NodeType::kAgency, "Energy and Advanced Industry") < 0);
}

TEST_CASE("an acronym in apposition, an announcing event name, a regional unit",
          "[extract]") {
  auto x = ExtractText(
      "The Nordic Industry Summit, NIS, has announced a new chair. The 5th Baltic (Riga) "
      "Machine Fair (BRMF) opened on Monday. Ilse Kask, President of Tarvo Europe, opened "
      "the new plant.");
  CHECK(FindEntity(x, NodeType::kAgency, "NIS") >= 0);
  CHECK(FindEntity(x, NodeType::kAgency, "Nordic Industry Summit") >= 0);
  CHECK(FindEntity(x, NodeType::kEvent, "BRMF") >= 0);
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ilse Kask", "Tarvo Europe"));
}

TEST_CASE("part-of from 'X, a Y project' and 'part of Y's Z'", "[extract]") {
  auto x = ExtractText(
      "The Harbour Data Network, a Nordic Robotics Agency project, met in Oslo. The Riga "
      "Trade Centre, which is part of the Nordic Robotics Agency's Liaison Office Network, "
      "hosted the Baltic Trade Meeting.");
  CHECK(FindRelation(x, EdgeType::kPartOf, "Harbour Data Network", "Nordic Robotics Agency"));
  CHECK(FindRelation(x, EdgeType::kPartOf, "Riga Trade Centre", "Liaison Office Network"));
}

TEST_CASE("time zones and a title's area are not organisations", "[extract]") {
  auto x = ExtractText(
      "The session will take place at 13:00 - 14.30 (CEST).\n\nIlse Kask, Executive Vice "
      "President, Global Supply Chain, Tarvo Dynamics AG, said costs fell.");
  CHECK(FindEntity(x, NodeType::kAgency, "CEST") < 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Global Supply Chain") < 0);
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ilse Kask", "Tarvo Dynamics AG"));
}

TEST_CASE("a head word that is also a region's name still heads the name", "[extract]") {
  auto x = ExtractText(
      "The Kelmar Trade Centre hosted the Baltic Trade Meeting. Ivo Kalns, Director of the "
      "Economic Centre under the Government of Latvia, spoke at the meeting.");
  CHECK(FindEntity(x, NodeType::kAgency, "Kelmar Trade Centre") >= 0);
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Kelmar Trade Centre", "Baltic Trade Meeting"));
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ivo Kalns",
                     "Economic Centre under the Government of Latvia"));
}

TEST_CASE("contracts with a list after 'such as'; a jointly run plant", "[extract]") {
  auto x = ExtractText(
      "Tarvo Dynamics AG has already signed contracts to the value of millions of euros with "
      "various carmakers, such as Zorva and Meltis. The new plant will be jointly run by "
      "Tarvo Dynamics AG and Danish pump maker Kestrel Pumps AG, in which Tarvo holds a "
      "stake.");
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Zorva"));
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Meltis"));
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Tarvo Dynamics AG", "Kestrel Pumps AG"));
}

TEST_CASE("jointly hosting an event is not a partnership", "[extract]") {
  auto x = ExtractText(
      "The Baltic Trade Meeting was jointly hosted by the Kelmar Institute and the Riga "
      "Chamber of Commerce.");
  CHECK(!FindRelation(x, EdgeType::kPartnersWith, "Kelmar Institute",
                      "Riga Chamber of Commerce"));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Kelmar Institute", "Baltic Trade Meeting"));
}

TEST_CASE("a quotation over several sentences: its speaker, not the names inside it",
          "[extract]") {
  auto x = ExtractText(
      "\"Poland is vital for Tarvo Dynamics AG. Tarvo Dynamics AG remains confident. "
      "Chairman Ivo Kalns stresses investment,\" Ilse Kask said at the Tarvo Mobility Day "
      "held last week in Gdansk.");
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Ilse Kask", "Tarvo Mobility Day"));
  CHECK(!FindRelation(x, EdgeType::kSpeaksAt, "Ivo Kalns", "Tarvo Mobility Day"));
  // The title with no organisation takes the one the paragraph was just about.
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ivo Kalns", "Tarvo Dynamics AG"));
}

TEST_CASE("an unnamed unit of a named organisation", "[extract]") {
  auto x = ExtractText(
      "Ruta Vilks, president of the Polish committee of Kestrel Pumps AG, said sales grew.");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ruta Vilks", "Kestrel Pumps AG"));
}

TEST_CASE("'A and B, Vice Ministers': both work for the one ministry named", "[extract]") {
  auto x = ExtractText(
      "The Ministry of Coastal Affairs held its annual meeting. Tan Wenhui and Ho Jiaming, "
      "Members of the Party Group and Vice Ministers, Li Na, Vice Minister, attended.");
  const auto* r =
      FindRelation(x, EdgeType::kWorksFor, "Tan Wenhui", "Ministry of Coastal Affairs");
  REQUIRE(r);
  CHECK(r->title == "Members of the Party Group and Vice Ministers");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Ho Jiaming", "Ministry of Coastal Affairs"));
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Li Na", "Ministry of Coastal Affairs"));
}

TEST_CASE("a bare minister's title with two ministries named stays unattached", "[extract]") {
  auto x = ExtractText(
      "The Ministry of Trade and the Ministry of Ports signed an agreement. Li Na, Vice "
      "Minister, attended.");
  CHECK(!FindRelation(x, EdgeType::kWorksFor, "Li Na", "Ministry of Trade"));
  CHECK(!FindRelation(x, EdgeType::kWorksFor, "Li Na", "Ministry of Ports"));
}

TEST_CASE("a bare acronym that spells a name's initials is that actor", "[extract]") {
  auto x = ExtractText(
      "The 2024 Baltic Robotics Forum was held in Riga. Ilse Kask spoke at the opening of "
      "the BRF on Monday.");
  CHECK(FindEntity(x, NodeType::kEvent, "BRF") >= 0);
  CHECK(FindEntity(x, NodeType::kAgency, "BRF") < 0);
}

TEST_CASE("'X, known as Y outside Z' gives one organisation with both names", "[extract]") {
  auto x = ExtractText(
      "Kai Lun Precision Industry Co plans a new plant. Kai Lun, known as Orvel Technology "
      "Group outside Taiwan, supplies Tarvo Dynamics AG.");
  int a = FindEntity(x, NodeType::kCompany, "Kai Lun Precision Industry Co");
  REQUIRE(a >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Orvel Technology Group") == a);
}

TEST_CASE("what a host holds is in the place, not the host", "[extract]") {
  auto x = ExtractText(
      "The Kelmar Institute and partners held the fifth edition of the Alpine Robotics Forum "
      "on September 27th and 28th at the Villa Rosa in Bellagio, Italy.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Alpine Robotics Forum", "Bellagio"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Alpine Robotics Forum", "Italy"));
  CHECK(!FindRelation(x, EdgeType::kLocatedIn, "Kelmar Institute", "Italy"));
}

TEST_CASE("a facility named in the next sentence is what is in the place", "[extract]") {
  auto x = ExtractText(
      "Tarvo Dynamics AG announced today that its first overseas digital factory has started "
      "operations in Pune, Maharashtra. The factory, named Tarvo Works Pune (TWP), will make "
      "controllers.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Tarvo Works Pune", "Pune"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Tarvo Works Pune", "Maharashtra"));
  CHECK(!FindRelation(x, EdgeType::kLocatedIn, "Tarvo Dynamics AG", "Pune"));
  // Without a name for the facility, the company is placed there.
  auto y = ExtractText(
      "Tarvo Dynamics AG said its new plant has started operations in Pune. It will make "
      "controllers.");
  CHECK(FindRelation(y, EdgeType::kLocatedIn, "Tarvo Dynamics AG", "Pune"));
}

TEST_CASE("'X & Company', all-caps headline connectors, 'the Final Day'", "[extract]") {
  auto x = ExtractText(
      "ZORVA AND MELTIS SIGN BATTERY DEAL\n\nThe study was run by Harlow & Company for the "
      "Kelmar Institute. The Final Day of the Baltic Robotics Summit closed with a speech.");
  CHECK(FindEntity(x, NodeType::kCompany, "Harlow & Company") >= 0);
  CHECK(FindEntity(x, NodeType::kCompany, "ZORVA AND") < 0);
  CHECK(FindEntity(x, NodeType::kEvent, "Final Day") < 0);
  CHECK(FindEntity(x, NodeType::kEvent, "Baltic Robotics Summit") >= 0);
}

TEST_CASE("a demonym and one more word can be a company's name", "[extract]") {
  auto x = ExtractText(
      "Omar Haddad, Chief Digital Officer, Danish Petrolink, said output rose. The Danish "
      "Minister Lars Holm attended.");
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Omar Haddad", "Danish Petrolink"));
  CHECK(FindEntity(x, NodeType::kPerson, "Lars Holm") >= 0);
}

TEST_CASE("a possessive or 'had' alone does not make a company", "[extract]") {
  auto x = ExtractText(
      "Critics praised Miranda's own example of a sign. Claudel had a monopoly on the "
      "lamps. Orvalo's plant in Porto employs 300 people.");
  CHECK(FindEntity(x, NodeType::kCompany, "Miranda") < 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Claudel") < 0);
  CHECK(FindEntity(x, NodeType::kCompany, "Orvalo") >= 0);
}
