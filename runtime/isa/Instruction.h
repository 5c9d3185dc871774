// The common frame of every instruction: start it on its pipe, check and
// record each operand access (placement, hazards, GM bounds), and charge its
// cost. Instruction bodies then only compute.
#pragma once

#include "runtime/isa/CoreContext.h"
#include "runtime/isa/GlobalTensor.h"
#include "runtime/isa/Tile.h"

#include <string>

namespace tilec::isa {

using target::VecOp;

class Instruction {
public:
  Instruction(const char *name, Pipe pipe) : core_(currentCore()) {
    core_.beginInstr(name, pipe);
  }

  CoreContext &core() const { return core_; }
  const target::TargetDescription &target() const { return core_.target(); }
  [[noreturn]] void fail(const std::string &what) const { core_.fail(what); }

  template <typename TileT> void read(const TileT &t, const char *role) {
    checkOperand(core_, t, role);
    core_.access(t.range(), /*write=*/false, role);
  }
  template <typename TileT> void write(const TileT &t, const char *role) {
    checkOperand(core_, t, role);
    core_.access(t.range(), /*write=*/true, role);
  }
  template <typename GT> void readGm(const GT &gt, const char *role) {
    core_.access(checkGmView(core_, gt, role), /*write=*/false, role);
    core_.gmLog.record(gt, /*write=*/false, core_.instrStartCycle());
  }
  template <typename GT> void writeGm(const GT &gt, const char *role) {
    core_.access(checkGmView(core_, gt, role), /*write=*/true, role);
    core_.gmLog.record(gt, /*write=*/true, core_.instrStartCycle());
  }

  /// Charges a transfer of `bytes` on `path` (which must exist on target).
  void transfer(target::Path path, uint64_t bytes) {
    if (!target().paths[int(path)].available)
      fail("data path " + std::string(target::name(path)) +
           " does not exist on " + std::string(target().name));
    core_.cycles.addBytes(path, bytes);
    core_.charge(target().transferCycles(path, bytes));
  }

  /// Charges a vector instruction over rows x cols elements of `elemBytes`.
  void vector(VecOp op, int rows, int cols, int elemBytes) {
    uint64_t repeatBytes = uint64_t(target().vector.repeatBytes);
    uint64_t perRow = (uint64_t(cols) * elemBytes + repeatBytes - 1) / repeatBytes;
    core_.charge(target().vectorCycles(op, uint64_t(rows) * perRow));
  }

  void cube(DType operand, int m, int k, int n) {
    core_.cycles.addMacs(uint64_t(m) * k * n);
    core_.charge(target().matmulCycles(operand, m, k, n));
  }

private:
  CoreContext &core_;
};

/// Fails unless the valid regions of `a` and `b` are equal.
template <typename A, typename B>
void checkSameValid(const Instruction &ins, const A &a, const char *aRole,
                    const B &b, const char *bRole) {
  if (a.GetValidRow() != b.GetValidRow() || a.GetValidCol() != b.GetValidCol())
    ins.fail(std::string(aRole) + " valid region " +
             std::to_string(a.GetValidRow()) + "x" +
             std::to_string(a.GetValidCol()) + " differs from " + bRole + " " +
             std::to_string(b.GetValidRow()) + "x" +
             std::to_string(b.GetValidCol()));
}

} // namespace tilec::isa
