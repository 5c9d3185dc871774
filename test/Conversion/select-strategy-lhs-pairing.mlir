// RUN: tile-opt %s -split-input-file --tile-select-strategy=pair-cube-vector=true | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy | FileCheck %s --check-prefix=OFF
// RUN: tile-opt %s -split-input-file --tile-select-strategy="pair-cube-vector=true pair-always=true" | FileCheck %s --check-prefix=ALWAYS

// Vector -> cube pairing (StrategyLhsPairing.cpp): a matmul whose A one
// fused vector scope computes, and nothing else reads, gets a ring of GM
// slots of one row block x all of K, which the scope's AIVs fill; the
// matmul's work items become whole row blocks with A's panel in L1 (the
// slot), and the scope's chunks divide the slot's 64-row halves. Off by
// default (OFF).
// OFF-NOT: ascend.lhs_pairing

// 48 row blocks of 128, two per cluster: 128 x 256 bf16 slots (64 KiB),
// 4 of them for each of 24 clusters fit a quarter of a2a3's L2. B's load
// moves before the scope, where the paired launch runs.
// CHECK-LABEL: tile.kernel @scaled
// CHECK:       %[[B:.*]] = tile.load %arg2
// CHECK:       tile.scope "fused_l3" {{.*}} {
// CHECK:       } {ascend.strategy = #ascend.chunking<rows = 32, double_buffered = true>}
// CHECK-NEXT:  tile.matmul %{{.*}}, %[[B]] {ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>, ascend.strategy = #ascend.blocking<m = 128, {{.*}}panel = true{{.*}}length = 8>}
tile.kernel @scaled(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xbf16>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6 : tensor<6144x256xbf16>
  }
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %4 = tile.matmul %2, %3 : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// One row block per cluster (3072 rows): the AIC could only wait for the
// whole slot, so nothing pairs but with pair-always.
// CHECK-LABEL: tile.kernel @one_per_cluster
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @one_per_cluster
// ALWAYS:      tile.matmul {{.*}}ascend.lhs_pairing = #ascend.v2c_ring<rows = {{[0-9]+}}, cols = 256,
tile.kernel @one_per_cluster(%x: !tile.gm<3072x256xf32>, %s: !tile.gm<3072x1xf32>, %w: !tile.gm<256x512xbf16>, %y: !tile.gm<3072x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<3072x256xf32> -> tensor<3072x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<3072x1xf32> -> tensor<3072x1xf32>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<3072x256xbf16> {
    %5 = tile.mul %0, %1 : tensor<3072x256xf32>, tensor<3072x1xf32> -> tensor<3072x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<3072x256xf32> -> tensor<3072x256xbf16>
    tile.yield %6 : tensor<3072x256xbf16>
  }
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %4 = tile.matmul %2, %3 : tensor<3072x256xbf16>, tensor<256x512xbf16> -> tensor<3072x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<3072x512xf32>, !tile.gm<3072x512xf32>
  tile.return
}

// -----

// A is also a kernel output: it needs its place in GM, so it is not pushed.
// CHECK-LABEL: tile.kernel @a_stored
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @a_stored
// ALWAYS-NOT:  ascend.lhs_pairing
tile.kernel @a_stored(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xbf16>, %a: !tile.gm<6144x256xbf16> {tile.out}, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6 : tensor<6144x256xbf16>
  }
  tile.store %2, %a[%c0, %c0] : tensor<6144x256xbf16>, !tile.gm<6144x256xbf16>
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %4 = tile.matmul %2, %3 : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// B is computed after the scope (by a scope of its own): the paired launch,
// where A's scope stands, could not read it.
// CHECK-LABEL: tile.kernel @b_after
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @b_after
// ALWAYS-NOT:  ascend.lhs_pairing
tile.kernel @b_after(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xf32>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6 : tensor<6144x256xbf16>
  }
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xf32> -> tensor<256x512xf32>
  %b = tile.scope "fused_b" core = <vector> -> tensor<256x512xbf16> {
    %7 = tile.cast %3 {round = #tile.round<rint>} : tensor<256x512xf32> -> tensor<256x512xbf16>
    tile.yield %7 : tensor<256x512xbf16>
  }
  %4 = tile.matmul %2, %b : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// An output is stored between the scope and the matmul: the paired launch,
// where the scope stands, would write the product before it.
// CHECK-LABEL: tile.kernel @between
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @between
// ALWAYS-NOT:  ascend.lhs_pairing
tile.kernel @between(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xbf16>, %z: !tile.gm<6144x1xf32> {tile.out}, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6 : tensor<6144x256xbf16>
  }
  tile.store %1, %z[%c0, %c0] : tensor<6144x1xf32>, !tile.gm<6144x1xf32>
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %4 = tile.matmul %2, %3 : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// The scope reads the output the product is stored into: the AIC would
// write rows of it while the AIVs still read.
// CHECK-LABEL: tile.kernel @reads_output
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @reads_output
// ALWAYS-NOT:  ascend.lhs_pairing
tile.kernel @reads_output(%w: !tile.gm<256x256xbf16>, %y: !tile.gm<6144x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %y[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x256xbf16> -> tensor<256x256xbf16>
  %2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16> {
    %6 = tile.cast %0 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6 : tensor<6144x256xbf16>
  }
  %4 = tile.matmul %2, %3 : tensor<6144x256xbf16>, tensor<256x256xbf16> -> tensor<6144x256xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x256xf32>, !tile.gm<6144x256xf32>
  tile.return
}

// -----

// The scope's other result is stored between it and the matmul: the store
// stays there (its output is not the product's), and the matmul pairs.
// CHECK-LABEL: tile.kernel @other_result_stored
// ALWAYS-LABEL: tile.kernel @other_result_stored
// CHECK:       tile.store
// CHECK:       tile.matmul {{.*}}ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>
tile.kernel @other_result_stored(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xbf16>, %z: !tile.gm<6144x256xf32> {tile.out}, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2:2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16>, tensor<6144x256xf32> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6, %5 : tensor<6144x256xbf16>, tensor<6144x256xf32>
  }
  tile.store %2#1, %z[%c0, %c0] : tensor<6144x256xf32>, !tile.gm<6144x256xf32>
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %4 = tile.matmul %2#0, %3 : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// The scope's other result is stored where the product then goes: the
// paired launch would write the product before that store.
// CHECK-LABEL: tile.kernel @stored_where_product_goes
// CHECK-NOT:   ascend.lhs_pairing
// ALWAYS-LABEL: tile.kernel @stored_where_product_goes
// ALWAYS-NOT:  ascend.lhs_pairing
tile.kernel @stored_where_product_goes(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x256xbf16>, %y: !tile.gm<6144x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %2:2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16>, tensor<6144x256xf32> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %6, %5 : tensor<6144x256xbf16>, tensor<6144x256xf32>
  }
  tile.store %2#1, %y[%c0, %c0] : tensor<6144x256xf32>, !tile.gm<6144x256xf32>
  %3 = tile.load %w[%c0, %c0] : !tile.gm<256x256xbf16> -> tensor<256x256xbf16>
  %4 = tile.matmul %2#0, %3 : tensor<6144x256xbf16>, tensor<256x256xbf16> -> tensor<6144x256xf32>
  tile.store %4, %y[%c0, %c0] : tensor<6144x256xf32>, !tile.gm<6144x256xf32>
  tile.return
}

// -----

// Two results of one scope, each the A of a matmul: only the first pairs
// (the second has the first between it and the scope), so the scope's
// lowering builds one mixed launch.
// CHECK-LABEL: tile.kernel @two_products
// ALWAYS-LABEL: tile.kernel @two_products
// CHECK:       tile.matmul {{.*}}ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>
// CHECK-NOT:   ascend.lhs_pairing
// CHECK:       tile.return
tile.kernel @two_products(%x: !tile.gm<6144x256xf32>, %s: !tile.gm<6144x1xf32>, %w: !tile.gm<256x512xbf16>, %v: !tile.gm<256x512xf16>, %y: !tile.gm<6144x512xf32> {tile.out}, %z: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %1 = tile.load %s[%c0, %c0] : !tile.gm<6144x1xf32> -> tensor<6144x1xf32>
  %w0 = tile.load %w[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %v0 = tile.load %v[%c0, %c0] : !tile.gm<256x512xf16> -> tensor<256x512xf16>
  %2:2 = tile.scope "fused_l3" core = <vector> -> tensor<6144x256xbf16>, tensor<6144x256xf16> {
    %5 = tile.mul %0, %1 : tensor<6144x256xf32>, tensor<6144x1xf32> -> tensor<6144x256xf32>
    %6 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    %7 = tile.cast %5 {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xf16>
    tile.yield %6, %7 : tensor<6144x256xbf16>, tensor<6144x256xf16>
  }
  %3 = tile.matmul %2#0, %w0 : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %3, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  %4 = tile.matmul %2#1, %v0 : tensor<6144x256xf16>, tensor<256x512xf16> -> tensor<6144x512xf32>
  tile.store %4, %z[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}
