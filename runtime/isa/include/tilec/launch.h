// What a generated file's launch trampolines and host programs include: the
// launch ABI (runtime/isa/LaunchAbi.h) on the CPU model, whose BindCore binds
// a modelled core. test/Conformance ships another <tilec/launch.h> that
// implements the same ABI on pto-isa's CPU simulator.
#pragma once

#include "runtime/isa/HostApi.h"
