// The three-operand forms tilec emitted before, which pto-isa's headers do
// not accept (its CPU simulator has no in-place TMATMUL_ACC; three operands
// bind TGATHER to the mask-pattern gather): the model refuses them at
// compile time.
#include "runtime/isa/Isa.h"

using namespace pto;

void indexGatherWithoutTmp() {
  Tile<TileType::Vec, float, 2, 16> dst;
  Tile<TileType::Vec, float, 4, 8> src;
  Tile<TileType::Vec, int32_t, 2, 16> indices;
  TGATHER(dst, src, indices);
}

void inPlaceMatmulAcc() {
  TileAcc<float, 16, 16> c;
  TileLeft<bfloat16_t, 16, 16> a;
  TileRight<bfloat16_t, 16, 16> b;
  TMATMUL_ACC(c, a, b);
}
