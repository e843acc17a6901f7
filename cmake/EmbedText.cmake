# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -P EmbedText.cmake
# Writes a .cpp defining `const std::string& ns::name()` that returns the file's text.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" length)
set(bytes "")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT}; do not edit.\n#include <string>\n\nnamespace ${NAMESPACE} {\n\n"
  "const std::string& ${FUNCTION}()\n{\n    static const unsigned char bytes[] = { ${bytes} 0 };\n"
  "    static const std::string text(reinterpret_cast<const char*>(bytes), sizeof bytes - 1);\n    return text;\n}\n\n} // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
