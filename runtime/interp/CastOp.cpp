//===- CastOp.cpp - tile.cast through the numerics library ----------------===//
//
// Every element type pair, round mode and saturation converts exactly as
// runtime/numerics/Convert.h specifies (docs/numerics.md), including the
// hardware's default saturation when the op names none.
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"

using namespace mlir;

namespace tilec::interp {
namespace {

RoundMode roundModeOf(tile::RoundMode mode) {
  switch (mode) {
  case tile::RoundMode::none:  return RoundMode::None;
  case tile::RoundMode::rint:  return RoundMode::Rint;
  case tile::RoundMode::round: return RoundMode::Round;
  case tile::RoundMode::floor: return RoundMode::Floor;
  case tile::RoundMode::ceil:  return RoundMode::Ceil;
  case tile::RoundMode::trunc: return RoundMode::Trunc;
  case tile::RoundMode::odd:   return RoundMode::Odd;
  }
  return RoundMode::None;
}

Saturation saturationOf(std::optional<tile::Saturation> sat) {
  if (!sat)
    return Saturation::Default;
  return *sat == tile::Saturation::on ? Saturation::On : Saturation::Off;
}

} // namespace

std::optional<LogicalResult> executeCastOp(Operation *op, Frame &frame) {
  auto castOp = dyn_cast<tile::CastOp>(op);
  if (!castOp)
    return std::nullopt;
  HostTensor source = toHost(*frame.tensor(castOp.getSource()));
  HostTensor converted = source.convertTo(elementDType(castOp.getType()),
                                          roundModeOf(castOp.getRound()),
                                          saturationOf(castOp.getSat()));
  bindTensor(frame, castOp.getResult(), fromHost(converted));
  return success();
}

} // namespace tilec::interp
