"""An independent Modbus RTU server for ModbusMasterPymodbusTests: pymodbus (Debian python3-pymodbus 3.0), unit 7,
64 holding registers addressed from 0, 115200 Bd 8N1, on the serial device given as argv[1]. Runs until killed."""
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartSerialServer
from pymodbus.transaction import ModbusRtuFramer

store = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, [0] * 64), zero_mode=True)
context = ModbusServerContext(slaves={7: store}, single=False)
print("serving", sys.argv[1], flush=True)
StartSerialServer(context=context, framer=ModbusRtuFramer, port=sys.argv[1], baudrate=115200,
                  parity="N", stopbits=1, bytesize=8, timeout=0.05)
