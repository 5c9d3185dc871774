# Build options shared by every target: warnings, ccache, sanitizers.
option(TILEC_WERROR "Treat warnings as errors" OFF)
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

if(TILEC_SANITIZE)
  add_compile_options(-fsanitize=${TILEC_SANITIZE} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${TILEC_SANITIZE})
endif()
