// Cube instructions (pipe M): TMATMUL and TMATMUL_ACC on L0A x L0B -> L0C
// tiles in their fractal layouts. m, k, n come from the Left tile's valid
// rows/cols and the Right tile's valid cols, as on the hardware.
#pragma once

#include "runtime/isa/Instruction.h"
#include "runtime/isa/MatmulKernel.h"

#include <type_traits>

namespace tilec::isa {

template <typename Acc, typename Left, typename Right>
void cubeMatmul(const char *name, Acc &cOut, const Acc *cIn, Left &a, Right &b) {
  using A = typename Left::DType;
  using C = typename Acc::DType;
  static_assert(std::is_same_v<A, typename Right::DType>,
                "both cube operands must have the same type");
  static_assert((std::is_same_v<C, int32_t> && std::is_same_v<A, int8_t>) ||
                    (std::is_same_v<C, float> &&
                     (std::is_same_v<A, pto::half> ||
                      std::is_same_v<A, pto::bfloat16_t> || std::is_same_v<A, float>)),
                "cube supports i32 <- i8 x i8 and f32 <- f16/bf16/f32");
  static_assert(Left::Loc == pto::TileType::Left && Right::Loc == pto::TileType::Right &&
                    Acc::Loc == pto::TileType::Acc,
                "TMATMUL takes Left (L0A) x Right (L0B) -> Acc (L0C)");
  // pto-isa's fractal spellings (its CPU simulator checks them): row-major
  // fractals on the left and in the accumulator, an accumulator of
  // column-major fractal order, a Right tile of row-major order with
  // column-major fractals.
  static_assert(Left::SFractal == pto::SLayout::RowMajor && Right::isRowMajor &&
                    Right::SFractal == pto::SLayout::ColMajor && !Acc::isRowMajor &&
                    Acc::SFractal == pto::SLayout::RowMajor,
                "TMATMUL operands must be TileLeft, TileRight and TileAcc fractal layouts");
  // As pto-isa's: Right and Acc of equal columns (an i8 B pads N to 32 bytes,
  // the accumulator to 16, so an i8 matmul's N blocks are 32 columns wide).
  static_assert(Left::Rows == Acc::Rows && Left::Cols == Right::Rows && Right::Cols == Acc::Cols,
                "TMATMUL tile shapes must multiply: Left [M, K] x Right [K, N] -> Acc [M, N]");
  Instruction ins(name, Pipe::M);
  ins.read(a, "a");
  ins.read(b, "b");
  if (cIn)
    ins.read(*cIn, "cIn");
  ins.write(cOut, "c");
  const int m = a.GetValidRow(), k = a.GetValidCol(), n = b.GetValidCol();
  const int limit = ins.target().matmulMaxDim;
  if (m < 1 || k < 1 || n < 1 || m > limit || k > limit || n > limit)
    ins.fail("m, k, n = " + std::to_string(m) + ", " + std::to_string(k) + ", " +
             std::to_string(n) + " must each be in [1, " + std::to_string(limit) + "]");
  if (b.GetValidRow() != k)
    ins.fail("a has " + std::to_string(k) + " valid columns but b has " +
             std::to_string(b.GetValidRow()) + " valid rows");
  if (m > Acc::Rows || n > Acc::Cols)
    ins.fail("the " + std::to_string(m) + "x" + std::to_string(n) +
             " result does not fit the " + std::to_string(Acc::Rows) + "x" +
             std::to_string(Acc::Cols) + " accumulator");
  gemm::matmul(cOut, cIn, a, b, m, k, n);
  ins.cube(dtypeOf<A>, m, k, n);
}

} // namespace tilec::isa

namespace pto {

/// c = a * b.
template <typename Acc, typename Left, typename Right>
RecordEvent TMATMUL(Acc &c, Left &a, Right &b) {
  tilec::isa::cubeMatmul("TMATMUL", c, static_cast<const Acc *>(nullptr), a, b);
  return {};
}

/// cOut = cIn + a * b.
template <typename Acc, typename Left, typename Right>
RecordEvent TMATMUL_ACC(Acc &cOut, Acc &cIn, Left &a, Right &b) {
  tilec::isa::cubeMatmul("TMATMUL_ACC", cOut, &cIn, a, b);
  return {};
}

/// The in-place TMATMUL_ACC(c, a, b) is not a form every PTO-ISA backend
/// implements (pto-isa's CPU simulator has only the four-operand form), so
/// code using it is rejected here.
template <typename Acc, typename Left, typename Right>
RecordEvent TMATMUL_ACC(Acc &, Left &, Right &) {
  static_assert(sizeof(Acc) == 0,
                "TMATMUL_ACC(c, a, b) is not implemented by every PTO-ISA backend: "
                "write TMATMUL_ACC(cOut, cIn, a, b)");
  return {};
}

} // namespace pto
