# Warnings and sanitizers shared by every target of ours (not by third-party code).
add_library(liveml_compiler_options INTERFACE)
target_compile_options(liveml_compiler_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>)
if(LIVEML_SANITIZE)
  target_compile_options(liveml_compiler_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(liveml_compiler_options INTERFACE -fsanitize=address,undefined)
endif()
# libFuzzer builds (clang only): every library of ours gets coverage instrumentation so the
# fuzzers (fuzz/) are guided through it; UBSan findings abort so libFuzzer records them.
if(LIVEML_FUZZ)
  set(liveml_fuzz_flags -fsanitize=fuzzer-no-link,address,undefined
      -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(liveml_compiler_options INTERFACE ${liveml_fuzz_flags})
  target_link_options(liveml_compiler_options INTERFACE -fsanitize=address,undefined)
endif()

# Parity with scikit-learn needs IEEE evaluation in source order: no fused multiply-add
# contraction, no fast-math. Apply to any target whose arithmetic must match a reference.
function(liveml_strict_fp target)
  target_compile_options(${target} PRIVATE -ffp-contract=off -fno-fast-math)
endfunction()
