// pto::Tile: a Rows x Cols buffer of T in one on-chip memory, placed at a
// byte address with TASSIGN, with a static or dynamic valid region and a
// (possibly fractal) layout. TileLayout<TileT> maps (row, col) to an element
// offset for every BLayout/SLayout combination, so instructions that change
// layout (TLOAD ND->NZ, TMOV Mat->Left/Right, TMATMUL) share one definition.
#pragma once

#include "runtime/isa/CoreContext.h"
#include "runtime/isa/PtoTypes.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>

namespace tilec::isa {

constexpr MemSpace memSpaceOf(pto::TileType t) {
  switch (t) {
  case pto::TileType::Vec:     return MemSpace::UB;
  case pto::TileType::Mat:     return MemSpace::L1;
  case pto::TileType::Left:    return MemSpace::L0A;
  case pto::TileType::Right:   return MemSpace::L0B;
  case pto::TileType::Acc:     return MemSpace::L0C;
  case pto::TileType::Bias:    return MemSpace::Bias;
  case pto::TileType::Scaling: return MemSpace::FixBuf;
  }
  return MemSpace::UB;
}

constexpr const char *tileTypeName(pto::TileType t) {
  constexpr const char *names[] = {"Vec", "Mat",  "Left",   "Right",
                                   "Acc", "Bias", "Scaling"};
  return names[int(t)];
}

/// Element offsets of a tile layout. A boxed tile is a grid of fractals of
/// SFractalSize bytes, 16 rows deep when the fractal is row-major (16 x C0)
/// and 16 columns wide when it is column-major (C0 x 16); BLayout orders the
/// fractals, SLayout the elements inside one.
/// Rows and columns of one fractal: 16 x C0 when the fractal is row-major,
/// C0 x 16 when column-major (C0 = fractal bytes / 16 / element size).
constexpr int fractalRows(pto::SLayout s, int fractalBytes, int elemBytes) {
  return s == pto::SLayout::NoneBox    ? 1
         : s == pto::SLayout::RowMajor ? 16
                                       : fractalBytes / 16 / elemBytes;
}
constexpr int fractalCols(pto::SLayout s, int fractalBytes, int elemBytes) {
  return s == pto::SLayout::NoneBox    ? 1
         : s == pto::SLayout::RowMajor ? fractalBytes / 16 / elemBytes
                                       : 16;
}

template <typename TileT> struct TileLayout {
  using T = typename TileT::DType;
  static constexpr int Rows = TileT::Rows, Cols = TileT::Cols;
  static constexpr bool boxed = TileT::SFractal != pto::SLayout::NoneBox;
  static constexpr bool innerRowMajor = TileT::SFractal == pto::SLayout::RowMajor;
  static constexpr bool outerRowMajor = TileT::BFractal == pto::BLayout::RowMajor;
  static constexpr int fracRows =
      fractalRows(TileT::SFractal, TileT::SFractalSize, int(sizeof(T)));
  static constexpr int fracCols =
      fractalCols(TileT::SFractal, TileT::SFractalSize, int(sizeof(T)));

  static constexpr size_t offset(int r, int c) {
    if constexpr (!boxed) {
      return outerRowMajor ? size_t(r) * Cols + c : size_t(c) * Rows + r;
    } else {
      int fr = r / fracRows, fc = c / fracCols;
      int ir = r % fracRows, ic = c % fracCols;
      size_t block = outerRowMajor ? size_t(fr) * (Cols / fracCols) + fc
                                   : size_t(fc) * (Rows / fracRows) + fr;
      size_t inner = innerRowMajor ? size_t(ir) * fracCols + ic
                                   : size_t(ic) * fracRows + ir;
      return block * (fracRows * fracCols) + inner;
    }
  }

  /// Elements from column c on that are contiguous along a row in storage.
  static constexpr int rowRun(int c) {
    if constexpr (!boxed)
      return outerRowMajor ? Cols - c : 1;
    else
      return innerRowMajor ? fracCols - c % fracCols : 1;
  }

  /// Elements from row r on that are contiguous along a column in storage.
  static constexpr int colRun(int r) {
    if constexpr (!boxed)
      return outerRowMajor ? 1 : Rows - r;
    else
      return innerRowMajor ? 1 : fracRows - r % fracRows;
  }
};

} // namespace tilec::isa

namespace pto {

template <TileType Loc_, typename Element_, int Rows_, int Cols_,
          BLayout BFractal_ = BLayout::RowMajor, int RowValid_ = Rows_,
          int ColValid_ = Cols_, SLayout SFractal_ = SLayout::NoneBox,
          int SFractalSize_ = TileConfig::fractalABSize,
          PadValue PadVal_ = PadValue::Null>
struct Tile {
  using DType = Element_;
  static constexpr TileType Loc = Loc_;
  static constexpr int Rows = Rows_, Cols = Cols_;
  static constexpr int ValidRow = RowValid_, ValidCol = ColValid_;
  static constexpr BLayout BFractal = BFractal_;
  static constexpr SLayout SFractal = SFractal_;
  static constexpr int SFractalSize = SFractalSize_;
  static constexpr PadValue PadVal = PadVal_;
  static constexpr bool isRowMajor = BFractal_ == BLayout::RowMajor;
  static constexpr tilec::isa::MemSpace space = tilec::isa::memSpaceOf(Loc_);
  static constexpr uint64_t bytes = uint64_t(Rows_) * Cols_ * sizeof(Element_);

  static_assert(Rows_ > 0 && Cols_ > 0, "tile shape must be positive");
  static_assert(RowValid_ == DYNAMIC || (RowValid_ >= 0 && RowValid_ <= Rows_),
                "valid rows exceed the tile");
  static_assert(ColValid_ == DYNAMIC || (ColValid_ >= 0 && ColValid_ <= Cols_),
                "valid cols exceed the tile");
  static_assert(SFractal_ != SLayout::NoneBox || !isRowMajor || Cols_ == 1 ||
                    (Cols_ * sizeof(Element_)) % TileConfig::alignedSize == 0,
                "a row-major tile needs Cols * sizeof(T) % 32 == 0");
  static_assert(SFractal_ != SLayout::NoneBox || isRowMajor || Rows_ == 1 ||
                    (Rows_ * sizeof(Element_)) % TileConfig::alignedSize == 0,
                "a column-major tile needs Rows * sizeof(T) % 32 == 0");
  static_assert(SFractal_ == SLayout::NoneBox ||
                    (Rows_ % tilec::isa::fractalRows(SFractal_, SFractalSize_,
                                                     int(sizeof(Element_))) == 0 &&
                     Cols_ % tilec::isa::fractalCols(SFractal_, SFractalSize_,
                                                     int(sizeof(Element_))) == 0),
                "a fractal tile's shape must be whole fractals");

  Tile() {
    static_assert(RowValid_ != DYNAMIC && ColValid_ != DYNAMIC,
                  "a tile with a dynamic valid region needs its valid shape");
  }
  /// Dynamic valid rows (and static cols), as in `TileT t(m)`.
  explicit Tile(int validRow) : validRow_(validRow) {
    static_assert(RowValid_ == DYNAMIC && ColValid_ != DYNAMIC,
                  "Tile(validRow) needs dynamic rows and static cols");
  }
  Tile(int validRow, int validCol) : validRow_(validRow), validCol_(validCol) {
    static_assert(RowValid_ == DYNAMIC || ColValid_ == DYNAMIC,
                  "Tile(validRow, validCol) needs a dynamic valid region");
  }

  int GetValidRow() const { return RowValid_ == DYNAMIC ? validRow_ : RowValid_; }
  int GetValidCol() const { return ColValid_ == DYNAMIC ? validCol_ : ColValid_; }
  void SetValidRow(int r) {
    static_assert(RowValid_ == DYNAMIC, "only dynamic valid rows can be set");
    validRow_ = r;
  }
  void SetValidCol(int c) {
    static_assert(ColValid_ == DYNAMIC, "only dynamic valid cols can be set");
    validCol_ = c;
  }
  void SetValidShape(int r, int c) {
    SetValidRow(r);
    SetValidCol(c);
  }

  // --- model internals ----------------------------------------------------
  bool assigned() const { return core_ != nullptr; }
  uint64_t address() const { return addr_; }
  tilec::isa::CoreContext &core() const { return *core_; }
  Element_ *data() const {
    return reinterpret_cast<Element_ *>(core_->base(space) + addr_);
  }
  Element_ &at(int r, int c) const {
    return data()[tilec::isa::TileLayout<Tile>::offset(r, c)];
  }
  tilec::isa::ByteRange range() const { return {space, addr_, addr_ + bytes}; }
  void bind(tilec::isa::CoreContext &core, uint64_t addr) {
    core_ = &core;
    addr_ = addr;
  }

private:
  int validRow_ = RowValid_ == DYNAMIC ? 0 : RowValid_;
  int validCol_ = ColValid_ == DYNAMIC ? 0 : ColValid_;
  tilec::isa::CoreContext *core_ = nullptr;
  uint64_t addr_ = 0;
};

/// Cube operand tiles. Left is K1 M1 M0 K0 (fractals column-major, each
/// 16 x C0 row-major), Right is K1 N1 N0 K0 (fractals row-major, each C0 x 16
/// column-major), Acc is N1 M1 M0 N0 with 16 x 16 fractals.
template <typename T, int Rows, int Cols, int RowValid = Rows, int ColValid = Cols>
using TileLeft = Tile<TileType::Left, T, Rows, Cols, BLayout::ColMajor, RowValid,
                      ColValid, SLayout::RowMajor, TileConfig::fractalABSize>;
template <typename T, int Rows, int Cols, int RowValid = Rows, int ColValid = Cols>
using TileRight = Tile<TileType::Right, T, Rows, Cols, BLayout::RowMajor, RowValid,
                       ColValid, SLayout::ColMajor, TileConfig::fractalABSize>;
template <typename T, int Rows, int Cols, int RowValid = Rows, int ColValid = Cols>
using TileAcc = Tile<TileType::Acc, T, Rows, Cols, BLayout::ColMajor, RowValid,
                     ColValid, SLayout::RowMajor, TileConfig::fractalCSize>;

template <typename T> struct is_tile : std::false_type {};
template <TileType L, typename E, int R, int C, BLayout B, int RV, int CV,
          SLayout S, int F, PadValue P>
struct is_tile<Tile<L, E, R, C, B, RV, CV, S, F, P>> : std::true_type {};

} // namespace pto

namespace tilec::isa {

/// "Vec f32 64x128 at UB 0x400" for messages.
template <typename TileT> std::string describeTile(const TileT &t) {
  return std::string(tileTypeName(TileT::Loc)) + " " +
         std::string(tilec::name(dtypeOf<typename TileT::DType>)) + " " +
         std::to_string(TileT::Rows) + "x" + std::to_string(TileT::Cols) +
         " tile";
}

/// Places `tile` at byte `addr` of its memory on the bound core, checking
/// that the memory exists on this core, the address is aligned and the tile
/// fits.
template <typename TileT> void assignTile(TileT &tile, uint64_t addr) {
  CoreContext &core = currentCore();
  const auto &t = core.target();
  MemSpace m = TileT::space;
  std::string what = describeTile(tile) + " at " +
                     std::string(target::name(m)) + " address " +
                     std::to_string(addr);
  if (!hasSpace(core.kind(), m))
    core.fail("TASSIGN of " + what + ": this core has no " +
              std::string(target::name(m)));
  if (addr % t.alignment != 0)
    core.fail("TASSIGN of " + what + ": address is not " +
              std::to_string(t.alignment) + "-byte aligned");
  if (addr + TileT::bytes > t.capacityOf(m))
    core.fail("TASSIGN of " + what + ": needs bytes [" + std::to_string(addr) +
              ", " + std::to_string(addr + TileT::bytes) + ") but " +
              std::string(target::name(m)) + " has " +
              std::to_string(t.capacityOf(m)) + " bytes");
  tile.bind(core, addr);
}

/// Every instruction operand goes through this: the tile must be placed on
/// the core running the instruction, and its valid region inside the tile.
template <typename TileT>
void checkOperand(CoreContext &core, const TileT &tile, const char *role) {
  if (!tile.assigned())
    core.fail(std::string(role) + " " + describeTile(tile) +
              " used before TASSIGN placed it");
  if (&tile.core() != &core)
    core.fail(std::string(role) + " " + describeTile(tile) +
              " was placed on another core");
  if (tile.GetValidRow() < 0 || tile.GetValidRow() > TileT::Rows ||
      tile.GetValidCol() < 0 || tile.GetValidCol() > TileT::Cols)
    core.fail(std::string(role) + " " + describeTile(tile) + " has valid region " +
              std::to_string(tile.GetValidRow()) + "x" +
              std::to_string(tile.GetValidCol()) + " outside its shape");
}

} // namespace tilec::isa

namespace pto {

/// Places a tile at byte `addr` of its memory (runtime-checked: memory
/// present on this core, 32-byte alignment, capacity).
template <typename TileT, typename AddrType,
          std::enable_if_t<is_tile<TileT>::value && std::is_integral_v<AddrType>,
                           int> = 0>
void TASSIGN(TileT &tile, AddrType addr) {
  if (addr < 0)
    tilec::isa::currentCore().fail("TASSIGN to a negative address");
  tilec::isa::assignTile(tile, uint64_t(addr));
}

/// Compile-time address form, TASSIGN<0x1000>(tile).
template <std::size_t Addr, typename TileT,
          std::enable_if_t<is_tile<TileT>::value, int> = 0>
void TASSIGN(TileT &tile) {
  static_assert(Addr % TileConfig::alignedSize == 0,
                "tile address must be 32-byte aligned");
  tilec::isa::assignTile(tile, uint64_t(Addr));
}

} // namespace pto
