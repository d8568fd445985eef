#include "api_context.h"
namespace actorgraph::api { const std::string& OpenApiDocument() { static const std::string doc = "{}"; return doc; } }
