// Names of the rounding modes and saturation settings.
#include "runtime/numerics/RoundMode.h"

#include <gtest/gtest.h>

#include <string>

using namespace tilec;

TEST(RoundMode, NamesRoundTrip) {
  const char *expected[] = {"none", "rint", "round", "floor",
                            "ceil", "trunc", "odd"};
  int i = 0;
  for (RoundMode m : kAllRoundModes) {
    EXPECT_EQ(name(m), expected[i]);
    EXPECT_EQ(parseRoundMode(expected[i]), m);
    ++i;
  }
  EXPECT_EQ(i, 7);
  EXPECT_EQ(parseRoundMode("RINT"), std::nullopt);
  EXPECT_EQ(parseRoundMode("nearest"), std::nullopt);
}

TEST(Saturation, NamesRoundTrip) {
  for (Saturation s : {Saturation::Default, Saturation::On, Saturation::Off})
    EXPECT_EQ(parseSaturation(name(s)), s) << std::string(name(s));
  EXPECT_EQ(name(Saturation::Off), "off");
  EXPECT_EQ(parseSaturation("true"), std::nullopt);
}
