// rsconn: Amazon Redshift connection strings as C++ value types. The umbrella header.
// (fmt formatters are in rsconn/fmt.hpp, so that this header stays cheap to include.)
#pragma once

#include "rsconn/connection.hpp"
#include "rsconn/detect.hpp"
#include "rsconn/endpoint.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/names.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/validate.hpp"
#include "rsconn/version.hpp"
