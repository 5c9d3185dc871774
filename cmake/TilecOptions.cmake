# Build options shared by every target: warnings, ccache, assertions, sanitizers, fuzzing.
option(TILEC_WERROR "Treat warnings as errors" OFF)
option(TILEC_ASSERTIONS "Keep assert() in optimized builds" OFF)
option(TILEC_FUZZ "Build the libFuzzer target in tools/fuzz (needs clang)" OFF)
set(TILEC_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers to build with, e.g. address,undefined")

find_program(TILEC_CCACHE ccache)
if(TILEC_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER ${TILEC_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${TILEC_CCACHE})
endif()

add_compile_options(-Wall -Wextra -Wno-unused-parameter)
if(TILEC_WERROR)
  add_compile_options(-Werror)
endif()

# Release builds define NDEBUG; this comes after it on the command line.
if(TILEC_ASSERTIONS)
  add_compile_options(-UNDEBUG)
endif()

if(TILEC_SANITIZE)
  add_compile_options(-fsanitize=${TILEC_SANITIZE} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${TILEC_SANITIZE})
endif()

# Coverage feedback from every library; tools/fuzz links libFuzzer's main.
if(TILEC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TILEC_FUZZ needs clang: configure with CC=clang-22 CXX=clang++-22")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# The opt-in pto-isa conformance test (test/Conformance): a checkout of the
# public hw-native-sys/pto-isa (its include/ is used), and clang++-22 to build
# kernels against its CPU simulator in C++23 with a real bfloat16 (__bf16).
set(TILEC_PTO_ISA_DIR "" CACHE PATH
    "A pto-isa checkout (holding include/pto/pto-inst.hpp): enables test/Conformance")
if(TILEC_PTO_ISA_DIR)
  if(NOT EXISTS "${TILEC_PTO_ISA_DIR}/include/pto/pto-inst.hpp")
    message(FATAL_ERROR "TILEC_PTO_ISA_DIR=${TILEC_PTO_ISA_DIR} has no include/pto/pto-inst.hpp: "
                        "point it at a checkout of https://github.com/hw-native-sys/pto-isa")
  endif()
  find_program(TILEC_PTO_ISA_CXX NAMES clang++-22 HINTS /usr/lib/llvm-22/bin)
  if(NOT TILEC_PTO_ISA_CXX)
    message(FATAL_ERROR "the pto-isa conformance test needs clang++-22 (Debian: apt-get install clang-22)")
  endif()
  message(STATUS "pto-isa conformance: ${TILEC_PTO_ISA_DIR} with ${TILEC_PTO_ISA_CXX}")
endif()
