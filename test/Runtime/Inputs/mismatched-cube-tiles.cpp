// Cube tiles whose static shapes do not multiply (Left [16, 32] x Right
// [16, 16]), which pto-isa's CPU simulator refuses at compile time, and a
// Right tile in the Left tile's layout: the model refuses both too.
#include "runtime/isa/Isa.h"

using namespace pto;

void shapesDoNotMultiply() {
  TileAcc<float, 16, 16> c;
  TileLeft<bfloat16_t, 16, 32> a;
  TileRight<bfloat16_t, 16, 16> b;
  TMATMUL(c, a, b);
}

void rightInTheLeftLayout() {
  TileAcc<float, 16, 16> c;
  TileLeft<bfloat16_t, 16, 16> a;
  Tile<TileType::Right, bfloat16_t, 16, 16, BLayout::ColMajor, 16, 16, SLayout::RowMajor> b;
  TMATMUL(c, a, b);
}
