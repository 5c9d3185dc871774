// RUN: tile-opt %s -split-input-file --tile-select-strategy=join-matmuls=true | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy | FileCheck %s --check-prefix=OFF

// Joined matmuls (StrategyJoin.cpp): matmuls of the same A join the launch
// of the first when the joint blocking's busiest cube core is estimated
// faster than theirs apart. The joined ones move right after the first,
// with the loads of their B, and all take the joint blocking. Off by
// default (tilec's pipeline turns it on).
// OFF-NOT: ascend.joined

// Two B of 256 and 128 columns: joined, the second's load moved before the
// first matmul and its store left where it was; the 32-column blocks divide
// both B.
// CHECK-LABEL: tile.kernel @joined
// CHECK:      %[[A:.*]] = tile.load %arg0
// CHECK-NEXT: %[[B1:.*]] = tile.load %arg1
// CHECK-NEXT: %[[B2:.*]] = tile.load %arg2
// CHECK-NEXT: tile.matmul %[[A]], %[[B1]] {ascend.strategy = [[BLOCKING:#ascend.blocking<m = 64, n = 32, .*>]]}
// CHECK-NEXT: tile.matmul %[[A]], %[[B2]] {ascend.joined, ascend.strategy = [[BLOCKING]]}
// CHECK-NEXT: tile.store
tile.kernel @joined(%a: !tile.gm<256x512xbf16>, %b1: !tile.gm<512x256xbf16>, %b2: !tile.gm<512x128xbf16>, %y1: !tile.gm<256x256xf32> {tile.out}, %y2: !tile.gm<256x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<512x256xbf16> -> tensor<512x256xbf16>
  %p1 = tile.matmul %ta, %tb1 : tensor<256x512xbf16>, tensor<512x256xbf16> -> tensor<256x256xf32>
  tile.store %p1, %y1[%c0, %c0] : tensor<256x256xf32>, !tile.gm<256x256xf32>
  %tb2 = tile.load %b2[%c0, %c0] : !tile.gm<512x128xbf16> -> tensor<512x128xbf16>
  %p2 = tile.matmul %ta, %tb2 : tensor<256x512xbf16>, tensor<512x128xbf16> -> tensor<256x128xf32>
  tile.store %p2, %y2[%c0, %c0] : tensor<256x128xf32>, !tile.gm<256x128xf32>
  tile.return
}

// -----

// Different A: apart.
// CHECK-LABEL: tile.kernel @other_a
// CHECK-NOT: ascend.joined
// CHECK: tile.return
tile.kernel @other_a(%a: !tile.gm<256x512xbf16>, %a2: !tile.gm<256x512xbf16>, %b1: !tile.gm<512x256xbf16>, %y1: !tile.gm<256x256xf32> {tile.out}, %y2: !tile.gm<256x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %ta2 = tile.load %a2[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<512x256xbf16> -> tensor<512x256xbf16>
  %p1 = tile.matmul %ta, %tb1 : tensor<256x512xbf16>, tensor<512x256xbf16> -> tensor<256x256xf32>
  %p2 = tile.matmul %ta2, %tb1 : tensor<256x512xbf16>, tensor<512x256xbf16> -> tensor<256x256xf32>
  tile.store %p1, %y1[%c0, %c0] : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.store %p2, %y2[%c0, %c0] : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.return
}

// -----

// The second B is computed from the first product: apart.
// CHECK-LABEL: tile.kernel @rhs_after
// CHECK-NOT: ascend.joined
// CHECK: tile.return
tile.kernel @rhs_after(%a: !tile.gm<128x128xbf16>, %b1: !tile.gm<128x128xbf16>, %y1: !tile.gm<128x128xf32> {tile.out}, %y2: !tile.gm<128x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %p1 = tile.matmul %ta, %tb1 : tensor<128x128xbf16>, tensor<128x128xbf16> -> tensor<128x128xf32>
  %b2 = tile.cast %p1 {round = #tile.round<rint>} : tensor<128x128xf32> -> tensor<128x128xbf16>
  %p2 = tile.matmul %ta, %b2 : tensor<128x128xbf16>, tensor<128x128xbf16> -> tensor<128x128xf32>
  tile.store %p1, %y1[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  tile.store %p2, %y2[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  tile.return
}

// -----

// The second B is read from an output the kernel writes after the first
// matmul: its load stays, so the matmuls stay apart.
// CHECK-LABEL: tile.kernel @rhs_output
// CHECK-NOT: ascend.joined
// CHECK: tile.return
tile.kernel @rhs_output(%a: !tile.gm<128x128xbf16>, %b1: !tile.gm<128x128xbf16>, %y1: !tile.gm<128x128xf32> {tile.out}, %y2: !tile.gm<128x128xbf16> {tile.out}, %y3: !tile.gm<128x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %p1 = tile.matmul %ta, %tb1 : tensor<128x128xbf16>, tensor<128x128xbf16> -> tensor<128x128xf32>
  tile.store %ta, %y2[%c0, %c0] : tensor<128x128xbf16>, !tile.gm<128x128xbf16>
  %b2 = tile.load %y2[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %p2 = tile.matmul %ta, %b2 : tensor<128x128xbf16>, tensor<128x128xbf16> -> tensor<128x128xf32>
  tile.store %p1, %y1[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  tile.store %p2, %y3[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  tile.return
}

// -----

// Run-time rows: the joint blockings, few rows' included, on all three.
// CHECK-LABEL: tile.kernel @three
// CHECK:      tile.matmul %0, %1 {ascend.few_rows = [[FEW:#ascend.few_rows<.*>]], ascend.strategy = [[BLOCKING:#ascend.blocking<.*>]]}
// CHECK-NEXT: tile.matmul %0, %2 {ascend.few_rows = [[FEW]], ascend.joined, ascend.strategy = [[BLOCKING]]}
// CHECK-NEXT: tile.matmul %0, %3 {ascend.few_rows = [[FEW]], ascend.joined, ascend.strategy = [[BLOCKING]]}
tile.kernel @three(%t: i32 {tile.dim = 1024 : i64}, %a: !tile.gm<1024x256xi8> {tile.rows = 0 : i64}, %b1: !tile.gm<256x512xi8>, %b2: !tile.gm<256x256xi8>, %b3: !tile.gm<256x128xi8>, %y1: !tile.gm<1024x512xi32> {tile.out, tile.rows = 0 : i64}, %y2: !tile.gm<1024x256xi32> {tile.out, tile.rows = 0 : i64}, %y3: !tile.gm<1024x128xi32> {tile.out, tile.rows = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<1024x256xi8> -> tensor<1024x256xi8>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<256x512xi8> -> tensor<256x512xi8>
  %tb2 = tile.load %b2[%c0, %c0] : !tile.gm<256x256xi8> -> tensor<256x256xi8>
  %tb3 = tile.load %b3[%c0, %c0] : !tile.gm<256x128xi8> -> tensor<256x128xi8>
  %p1 = tile.matmul %ta, %tb1 : tensor<1024x256xi8>, tensor<256x512xi8> -> tensor<1024x512xi32>
  tile.store %p1, %y1[%c0, %c0] : tensor<1024x512xi32>, !tile.gm<1024x512xi32>
  %p2 = tile.matmul %ta, %tb2 : tensor<1024x256xi8>, tensor<256x256xi8> -> tensor<1024x256xi32>
  tile.store %p2, %y2[%c0, %c0] : tensor<1024x256xi32>, !tile.gm<1024x256xi32>
  %p3 = tile.matmul %ta, %tb3 : tensor<1024x256xi8>, tensor<256x128xi8> -> tensor<1024x128xi32>
  tile.store %p3, %y3[%c0, %c0] : tensor<1024x128xi32>, !tile.gm<1024x128xi32>
  tile.return
}

// -----

// A B of 16 columns would cut the joint blocks to 16 columns, which the
// other B (1536 columns, 128-column blocks alone) would pay for in every
// block: the estimate keeps them apart.
// CHECK-LABEL: tile.kernel @apart
// CHECK-NOT: ascend.joined
// CHECK: tile.matmul %0, %1 {ascend.strategy = #ascend.blocking<m = 128, n = 128,
// CHECK-NOT: ascend.joined
// CHECK: tile.return
tile.kernel @apart(%a: !tile.gm<2048x512xbf16>, %b1: !tile.gm<512x1536xbf16>, %b2: !tile.gm<512x16xbf16>, %y1: !tile.gm<2048x1536xf32> {tile.out}, %y2: !tile.gm<2048x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<2048x512xbf16> -> tensor<2048x512xbf16>
  %tb1 = tile.load %b1[%c0, %c0] : !tile.gm<512x1536xbf16> -> tensor<512x1536xbf16>
  %tb2 = tile.load %b2[%c0, %c0] : !tile.gm<512x16xbf16> -> tensor<512x16xbf16>
  %p1 = tile.matmul %ta, %tb1 : tensor<2048x512xbf16>, tensor<512x1536xbf16> -> tensor<2048x1536xf32>
  %p2 = tile.matmul %ta, %tb2 : tensor<2048x512xbf16>, tensor<512x16xbf16> -> tensor<2048x16xf32>
  tile.store %p1, %y1[%c0, %c0] : tensor<2048x1536xf32>, !tile.gm<2048x1536xf32>
  tile.store %p2, %y2[%c0, %c0] : tensor<2048x16xf32>, !tile.gm<2048x16xf32>
  tile.return
}
