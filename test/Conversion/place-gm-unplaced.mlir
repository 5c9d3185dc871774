// RUN: tile-opt %s -verify-diagnostics --tile-place-gm

// A tensor made by an op the lowering does not place (an scf.if) has no place
// in global memory for its reader.
tile.kernel @branch(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}, %n: i32) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %z = arith.constant 0 : i32
  %pos = arith.cmpi sgt, %n, %z : i32
  %t = scf.if %pos -> (tensor<16x64xf32>) {
    %a = tile.abs %v : tensor<16x64xf32>
    scf.yield %a : tensor<16x64xf32>
  } else {
    scf.yield %v : tensor<16x64xf32>
  }
  // expected-error @below {{'tile.store' op reads a tensor that has no place in global memory}}
  tile.store %t, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}
