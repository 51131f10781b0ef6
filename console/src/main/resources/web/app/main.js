import * as echarts from 'echarts/core';
document.getElementById('app').textContent = 'ok ' + typeof echarts.init;
