//===- AscendSyncOps.td - ascend pipe synchronisation ops -----*- tablegen -*-===//
//
// set_flag / wait_flag between pipes and pipe barriers; included by AscendOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_SYNC_OPS_TD
#define TILEC_ASCEND_SYNC_OPS_TD

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

def Ascend_EventId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<7>]>;

class Ascend_FlagOp<string mnemonic> : Ascend_Op<mnemonic> {
  let arguments = (ins Ascend_PipeAttr:$src, Ascend_PipeAttr:$dst, Ascend_EventId:$event);
  let assemblyFormat = "$src `->` $dst `,` $event attr-dict";
  let hasVerifier = 1;
}

def Ascend_SetFlagOp : Ascend_FlagOp<"set_flag"> {
  let summary = "signals `event` from pipe `src` to pipe `dst` when src's earlier work is done";
  let description = [{
    Pairs with an `ascend.wait_flag` of the same pipes and event (0–7). The
    pipes must differ and neither may be `all`.
    `ascend.set_flag <mte2> -> <v>, 0`
  }];
}
def Ascend_WaitFlagOp : Ascend_FlagOp<"wait_flag"> {
  let summary = "stalls pipe `dst` until `src` has signalled `event`";
  let description = [{
    `ascend.wait_flag <mte2> -> <v>, 0`
  }];
}

def Ascend_PipeBarrierOp : Ascend_Op<"pipe_barrier"> {
  let summary = "orders the work issued to one pipe";
  let description = [{
    Later work on the pipe starts after earlier work on it has finished;
    `<all>` orders every pipe.
    `ascend.pipe_barrier <v>`
  }];
  let arguments = (ins Ascend_PipeAttr:$pipe);
  let assemblyFormat = "$pipe attr-dict";
}

#endif // TILEC_ASCEND_SYNC_OPS_TD
