//===- AscendInterfaces.td - instructions and their pipes -----*- tablegen -*-===//
#ifndef TILEC_ASCEND_INTERFACES_TD
#define TILEC_ASCEND_INTERFACES_TD

include "mlir/IR/OpBase.td"

def Ascend_InstructionOpInterface : OpInterface<"InstructionOpInterface"> {
  let cppNamespace = "::tilec::ascend";
  let description = [{
    A tile instruction: it runs on one pipe, reads some buffers and writes
    others. Sync insertion, memory planning and the emitter read these.
  }];
  let methods = [
    InterfaceMethod<"The pipe the instruction is issued to.",
      "::tilec::ascend::Pipe", "getPipe">,
    InterfaceMethod<"The instruction's name in the PTO tile ISA (TADD, TLOAD, …).",
      "::llvm::StringRef", "getIsaName">,
    InterfaceMethod<"Buffers (tile or global) the instruction writes.",
      "::llvm::SmallVector<::mlir::Value>", "getWrittenBuffers", (ins), [{}], [{
        return ::tilec::ascend::buffersWithEffect<::mlir::MemoryEffects::Write>($_op);
      }]>,
    InterfaceMethod<"Buffers (tile or global) the instruction reads.",
      "::llvm::SmallVector<::mlir::Value>", "getReadBuffers", (ins), [{}], [{
        return ::tilec::ascend::buffersWithEffect<::mlir::MemoryEffects::Read>($_op);
      }]>,
  ];
}

#endif // TILEC_ASCEND_INTERFACES_TD
