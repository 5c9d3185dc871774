// pto::GlobalTensor: a typed pointer into GM with a 5-D shape and stride
// (in elements), static or dynamic per dimension. The 2-D view instructions
// use is rows = shape[0]*shape[1]*shape[2]*shape[3], cols = shape[4].
#pragma once

#include "runtime/isa/CoreContext.h"
#include "runtime/isa/PtoTypes.h"

#include <cstdint>
#include <string>
#include <type_traits>

namespace pto {

namespace GlobalTensorDim {
enum : int { DIM_0 = 0, DIM_1, DIM_2, DIM_3, DIM_4, TOTAL_DIM };
}

namespace detail {
/// Five extents, each static (a template argument) or DYNAMIC (given to the
/// constructor, in dimension order).
template <int64_t... Ns> struct Dims5 {
  static_assert(sizeof...(Ns) == 5, "shapes and strides have 5 dimensions");
  static constexpr int64_t staticValue[5] = {Ns...};
  static constexpr int numDynamic = ((Ns == DYNAMIC) + ...);
  int64_t value[5] = {(Ns == DYNAMIC ? 1 : Ns)...};

  Dims5() = default;
  template <typename... Args,
            std::enable_if_t<(sizeof...(Args) > 0) &&
                                 (std::is_integral_v<Args> && ...),
                             int> = 0>
  explicit Dims5(Args... dynamic) {
    static_assert(sizeof...(Args) == numDynamic,
                  "give exactly one value per DYNAMIC dimension");
    const int64_t given[] = {int64_t(dynamic)...};
    int next = 0;
    for (int d = 0; d < 5; ++d)
      if (staticValue[d] == DYNAMIC)
        value[d] = given[next++];
  }
};
} // namespace detail

template <int64_t N1 = DYNAMIC, int64_t N2 = DYNAMIC, int64_t N3 = DYNAMIC,
          int64_t N4 = DYNAMIC, int64_t N5 = DYNAMIC>
struct Shape : detail::Dims5<N1, N2, N3, N4, N5> {
  using detail::Dims5<N1, N2, N3, N4, N5>::Dims5;
};

template <int64_t S1 = DYNAMIC, int64_t S2 = DYNAMIC, int64_t S3 = DYNAMIC,
          int64_t S4 = DYNAMIC, int64_t S5 = DYNAMIC>
struct Stride : detail::Dims5<S1, S2, S3, S4, S5> {
  using detail::Dims5<S1, S2, S3, S4, S5>::Dims5;
};

template <typename Element_, typename Shape_, typename Stride_,
          Layout Layout_ = Layout::ND>
struct GlobalTensor {
  using DType = Element_;
  using Shape = Shape_;
  using Stride = Stride_;
  static constexpr Layout layout = Layout_;

  GlobalTensor() = default;
  explicit GlobalTensor(Element_ *data, const Shape_ &shape = Shape_(),
                        const Stride_ &stride = Stride_())
      : data_(data), shape_(shape), stride_(stride) {}

  Element_ *data() const { return data_; }
  void SetAddr(Element_ *data) { data_ = data; }
  int64_t GetShape(int dim) const { return shape_.value[dim]; }
  int64_t GetStride(int dim) const { return stride_.value[dim]; }

  /// Rows and columns of the 2-D view.
  int64_t rows() const {
    return GetShape(0) * GetShape(1) * GetShape(2) * GetShape(3);
  }
  int64_t cols() const { return GetShape(4); }
  /// Element offset of row r (over dims 0..3) of the 2-D view.
  int64_t rowOffset(int64_t r) const {
    int64_t off = 0;
    for (int d = 3; d >= 0; --d) {
      off += (r % GetShape(d)) * GetStride(d);
      r /= GetShape(d);
    }
    return off;
  }

private:
  Element_ *data_ = nullptr;
  Shape_ shape_;
  Stride_ stride_;
};

template <typename T> struct is_global : std::false_type {};
template <typename E, typename S, typename St, Layout L>
struct is_global<GlobalTensor<E, S, St, L>> : std::true_type {};

/// TASSIGN(globalTensor, pointer) rebinds the GM address.
template <typename GT, typename Ptr,
          std::enable_if_t<is_global<GT>::value && std::is_pointer_v<Ptr>, int> = 0>
void TASSIGN(GT &tensor, Ptr ptr) {
  static_assert(std::is_same_v<std::remove_cv_t<std::remove_pointer_t<Ptr>>,
                               typename GT::DType>,
                "TASSIGN pointer type must match the GlobalTensor element type");
  tensor.SetAddr(ptr);
}

} // namespace pto

namespace tilec::isa {

/// Checks that every element of `gt`'s view lies inside one GM tensor the
/// launcher registered, and returns the byte range for hazard tracking.
template <typename GT>
ByteRange checkGmView(CoreContext &core, const GT &gt, const char *role) {
  using T = typename GT::DType;
  if (!gt.data())
    core.fail(std::string(role) + " GlobalTensor has a null address");
  int64_t lo = 0, hi = 0; // element offsets of the first and last element
  for (int d = 0; d < 5; ++d) {
    int64_t extent = gt.GetShape(d), stride = gt.GetStride(d);
    if (extent <= 0)
      core.fail(std::string(role) + " GlobalTensor has shape[" +
                std::to_string(d) + "] = " + std::to_string(extent));
    (stride < 0 ? lo : hi) += (extent - 1) * stride;
  }
  uintptr_t begin = reinterpret_cast<uintptr_t>(gt.data()) + lo * sizeof(T);
  uintptr_t end = reinterpret_cast<uintptr_t>(gt.data()) + (hi + 1) * sizeof(T);
  ByteRange r{MemSpace::GM, begin, end};
  const GmRegistry *gm = core.gm();
  const GmRegistry::Tensor *t =
      gm ? gm->find(reinterpret_cast<const void *>(begin)) : nullptr;
  if (!t || end > t->end) {
    std::string msg = std::string(role) + " GlobalTensor view of " +
                      std::to_string(end - begin) + " bytes ";
    if (!t)
      msg += "does not start inside any GM tensor of this launch";
    else
      msg += "runs past the end of GM tensor '" + t->name + "' (view bytes [" +
             std::to_string(begin - t->begin) + ", " +
             std::to_string(end - t->begin) + "), tensor has " +
             std::to_string(t->end - t->begin) + " bytes)";
    core.fail(msg);
  }
  return r;
}

} // namespace tilec::isa
