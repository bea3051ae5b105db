// rsconn: Amazon Redshift connection strings as C++ value types. The umbrella header.
// (fmt formatters are in rsconn/fmt.hpp, std::format ones in rsconn/std_format.hpp, so that
// this header stays cheap to include.)
#pragma once

#include "rsconn/connection.hpp"
#include "rsconn/data_api.hpp"
#include "rsconn/detect.hpp"
#include "rsconn/diagnostic.hpp"
#include "rsconn/endpoint.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/names.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/option_values.hpp"
#include "rsconn/options.hpp"
#include "rsconn/plugins.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/redact.hpp"
#include "rsconn/rsql.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/sqlalchemy.hpp"
#include "rsconn/tls.hpp"
#include "rsconn/translate.hpp"
#include "rsconn/validate.hpp"
#include "rsconn/version.hpp"
