// scf.for with iter_args, scf.if, tile.scope and the arith ops used for offsets and bounds.
// RUN: rm -rf %t
// RUN: tile-run %s --random 0 --set n=-7 --set x=1.5 --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s
// RUN: tile-run %s --random 0 --set n=12 --set x=1.5 --outputs %t/big --interpret
// RUN: %python %S/Inputs/npy.py print %t/big/branch.npy | FileCheck %s --check-prefix=BIG

tile.kernel @control(%n: i32, %x: f32, %sum: !tile.gm<1xi32> {tile.out},
                     %ints: !tile.gm<8xi32> {tile.out}, %branch: !tile.gm<1xi32> {tile.out},
                     %real: !tile.gm<1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %two = arith.constant 2 : i32
  %zero = tile.full 0 : i32 : tensor<1xi32>
  // sum of i in [0, |n|) step 2: 0 + 2 + 4 + 6 = 12 for n = -7.
  %neg = arith.subi %c0, %c1 : index
  %nidx = arith.index_cast %n : i32 to index
  %absn = arith.maxsi %nidx, %c0 : index
  %mag = arith.muli %nidx, %neg : index
  %upper = arith.maxsi %absn, %mag : index
  %total = scf.for %i = %c0 to %upper step %c2 iter_args(%acc = %zero) -> (tensor<1xi32>) {
    %iv = arith.index_cast %i : index to i32
    %next = tile.add %acc, %iv : tensor<1xi32>, i32 -> tensor<1xi32>
    scf.yield %next : tensor<1xi32>
  }
  tile.store %total, %sum[%c0] : tensor<1xi32>, !tile.gm<1xi32>

  %d = arith.divsi %n, %two : i32
  %r = arith.remsi %n, %two : i32
  %cd = arith.ceildivsi %n, %two : i32
  %fd = arith.floordivsi %n, %two : i32
  %big = arith.constant 2147483647 : i32
  %wrap = arith.addi %big, %two : i32
  %m = arith.muli %n, %n : i32
  %lt = arith.cmpi slt, %n, %two : i32
  %sel = arith.select %lt, %m, %d : i32
  %vals = tile.full 0 : i32 : tensor<8xi32>
  %v0 = tile.add %zero, %d : tensor<1xi32>, i32 -> tensor<1xi32>
  %v1 = tile.add %zero, %r : tensor<1xi32>, i32 -> tensor<1xi32>
  %v2 = tile.add %zero, %cd : tensor<1xi32>, i32 -> tensor<1xi32>
  %v3 = tile.add %zero, %fd : tensor<1xi32>, i32 -> tensor<1xi32>
  %v4 = tile.add %zero, %wrap : tensor<1xi32>, i32 -> tensor<1xi32>
  %v5 = tile.add %zero, %m : tensor<1xi32>, i32 -> tensor<1xi32>
  %v6 = tile.add %zero, %sel : tensor<1xi32>, i32 -> tensor<1xi32>
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %w0 = tile.insert %v0 into %vals[%c0] : tensor<1xi32> into tensor<8xi32>
  %w1 = tile.insert %v1 into %w0[%c1] : tensor<1xi32> into tensor<8xi32>
  %w2 = tile.insert %v2 into %w1[%c2] : tensor<1xi32> into tensor<8xi32>
  %w3 = tile.insert %v3 into %w2[%c3] : tensor<1xi32> into tensor<8xi32>
  %w4 = tile.insert %v4 into %w3[%c4] : tensor<1xi32> into tensor<8xi32>
  %w5 = tile.insert %v5 into %w4[%c5] : tensor<1xi32> into tensor<8xi32>
  %w6 = tile.insert %v6 into %w5[%c6] : tensor<1xi32> into tensor<8xi32>
  tile.scope "store" core = #tile.core<vector> {
    tile.store %w6, %ints[%c0] : tensor<8xi32>, !tile.gm<8xi32>
  }

  %ten = arith.constant 10 : i32
  %small = arith.cmpi sgt, %n, %ten : i32
  %picked = scf.if %small -> (tensor<1xi32>) {
    %one = tile.full 1 : i32 : tensor<1xi32>
    scf.yield %one : tensor<1xi32>
  } else {
    %minus = tile.full -1 : i32 : tensor<1xi32>
    scf.yield %minus : tensor<1xi32>
  }
  tile.store %picked, %branch[%c0] : tensor<1xi32>, !tile.gm<1xi32>

  %sq = arith.mulf %x, %x : f32
  %y = arith.addf %sq, %x : f32
  %fzero = tile.full 0.0 : f32 : tensor<1xf32>
  %fy = tile.add %fzero, %y : tensor<1xf32>, f32 -> tensor<1xf32>
  tile.store %fy, %real[%c0] : tensor<1xf32>, !tile.gm<1xf32>
  tile.return
}

// CHECK: branch i32 [1]: -1
// CHECK: ints i32 [8]: -3 -1 -3 -4 -2147483647 49 49 0
// CHECK: real f32 [1]: 3.75
// CHECK: sum i32 [1]: 12
// BIG: branch i32 [1]: 1
