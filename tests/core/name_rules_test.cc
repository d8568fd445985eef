#include "actorgraph/core/name_rules.h"

#include <catch2/catch.hpp>

#include "actorgraph/core/names.h"

using namespace actorgraph::core;

TEST_CASE("LegalNameCore strips trailing legal forms, repeatedly", "[names][legal]") {
  CHECK(LegalNameCore(FoldName("Zorbex Widgets Corporation")) == "zorbex widgets");
  CHECK(LegalNameCore(FoldName("Zorbex Widgets Co., Ltd.")) == "zorbex widgets");
  CHECK(LegalNameCore(FoldName("Quellmann & Söhne GmbH & Co. KG")) == "quellmann sohne");
  CHECK(LegalNameCore(FoldName("Trivanta S.p.A.")) == "trivanta");
  CHECK(LegalNameCore(FoldName("Orlex Group")) == "orlex");
  CHECK(LegalNameCore(FoldName("Pelorin Sdn. Bhd.")) == "pelorin");
}

TEST_CASE("LegalNameCore is empty without a legal form or without a name", "[names][legal]") {
  CHECK(LegalNameCore("zorbex widgets") == "");
  CHECK(LegalNameCore("zorbex holdings") == "");  // a descriptive word, not a legal form
  CHECK(LegalNameCore("zorbex motors") == "");
  CHECK(LegalNameCore("zorbex ev") == "");              // an electric-vehicle unit, not e.V.
  CHECK(LegalNameCore("co ltd") == "");                 // nothing but legal forms
  CHECK(LegalNameCore("the company") == "");            // nothing but filler
  CHECK(LegalNameCore("x corp") == "");                 // too short to name anything
  CHECK(LegalNameCore("corporation of zorbex") == "");  // legal forms at the end only
  CHECK(LegalNameCore("") == "");
}

TEST_CASE("NamesEventEdition: a year or an ordinal names one edition", "[names][events]") {
  CHECK(NamesEventEdition(FoldName("Zorbex Summit 2031")));
  CHECK(NamesEventEdition(FoldName("1999 Quellmann Forum")));
  CHECK(NamesEventEdition(FoldName("5th Zorbex Forum")));
  CHECK(NamesEventEdition(FoldName("the 22nd Orlex Congress")));
  CHECK(NamesEventEdition(FoldName("1st Orlex Fair")));
  CHECK_FALSE(NamesEventEdition(FoldName("Zorbex Summit")));
  CHECK_FALSE(NamesEventEdition(FoldName("the General Meeting")));
  CHECK_FALSE(NamesEventEdition(FoldName("Zorbex Forum 3")));    // a bare number
  CHECK_FALSE(NamesEventEdition(FoldName("Zorbex 2100 Expo")));  // not a year of ours
}

TEST_CASE("IsGenericEventName: only words for kinds of happenings", "[names][events]") {
  CHECK(IsGenericEventName(FoldName("the General Meeting")));
  CHECK(IsGenericEventName(FoldName("Annual General Meeting 2031")));  // a year names no event
  CHECK(IsGenericEventName(FoldName("Press Conference")));
  CHECK(IsGenericEventName(FoldName("the 3rd Board Meeting")));
  CHECK(IsGenericEventName(""));
  CHECK_FALSE(IsGenericEventName(FoldName("Zorbex Summit")));
  CHECK_FALSE(IsGenericEventName(FoldName("General Meeting of the Orlex Society")));
  CHECK_FALSE(IsGenericEventName(FoldName("Quellmann Innovation Day")));
}

TEST_CASE("a person's initials, dotted or spaced, give the other writings", "[names]") {
  using V = std::vector<std::string>;
  CHECK(InitialsVariants("T.V. Narendran") == V{"T V Narendran", "TV Narendran"});
  CHECK(InitialsVariants("T. V. Narendran") == V{"T V Narendran", "TV Narendran"});
  CHECK(InitialsVariants("T V Narendran") == V{"T V Narendran", "TV Narendran"});
  CHECK(InitialsVariants("Denise C Johnson") == V{"Denise C Johnson", "Denise C Johnson"});
  CHECK(InitialsVariants("Lemma W. Senbet") == V{"Lemma W Senbet", "Lemma W Senbet"});
  CHECK(InitialsVariants("Mary Barra").empty());   // no initial
  CHECK(InitialsVariants("IBM").empty());          // capitals without dots are not initials
  CHECK(InitialsVariants("U.S.").empty());         // initials only: no other word
  CHECK(InitialsVariants("Mr. Yoshida").empty());  // "Mr." is a word, not an initial
}
