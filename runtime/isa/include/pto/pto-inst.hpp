// The CPU model's stand-in for pto-isa's umbrella header: a generated
// kernel includes <pto/pto-inst.hpp> as every PTO kernel does, and with
// -I<tilec>/runtime/isa/include it gets the model's instruction API
// (runtime/isa/Isa.h) and the AI Core qualifiers. Against pto-isa's include/
// the same line gets pto-isa (test/Conformance).
#pragma once

#include "runtime/isa/AiCoreQualifiers.h"
#include "runtime/isa/Isa.h"
