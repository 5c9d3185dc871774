// The whole CPU instruction API; the one header a generated kernel includes.
// Generated code writes `using namespace pto;` and spells tiles, tensors and
// instructions as the PTO tile ISA does (see docs/runtime-isa.md).
#pragma once

#include "runtime/isa/CrossCoreSync.h"
#include "runtime/isa/CubeOps.h"
#include "runtime/isa/DataMove.h"
#include "runtime/isa/GlobalTensor.h"
#include "runtime/isa/Launch.h"
#include "runtime/isa/Sync.h"
#include "runtime/isa/Tile.h"
#include "runtime/isa/ReduceExpandOps.h"
#include "runtime/isa/SelectOps.h"
#include "runtime/isa/TPipe.h"
#include "runtime/isa/VectorOps.h"
