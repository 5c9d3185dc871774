# Helpers that keep every folder's CMakeLists.txt to a few lines.

# tilec_library(NAME SOURCES... [LINK libs...])
#   A static library; MLIR-based libraries link the shared libMLIR/libLLVM.
function(tilec_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK;DEPENDS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
endfunction()

# tilec_unittest(NAME SOURCES... [LINK libs...])
#   A GoogleTest binary named <NAME>Tests under build/test/unit; lit runs every
#   such binary through its GoogleTest format.
function(tilec_unittest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  set(target ${name}Tests)
  add_executable(${target} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${target} PRIVATE ${ARG_LINK} GTest::gtest GTest::gtest_main)
  set_target_properties(${target} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test/unit)
  set_property(GLOBAL APPEND PROPERTY TILEC_UNITTESTS ${target})
endfunction()
