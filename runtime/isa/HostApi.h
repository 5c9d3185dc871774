// What a generated kernel's host program may ask of the host it runs on
// (tilec::runtime::HostApi, runtime/isa/LaunchAbi.h). The launcher
// (runtime/launch) implements it on the CPU model.
#pragma once

#include "runtime/isa/Launch.h"
