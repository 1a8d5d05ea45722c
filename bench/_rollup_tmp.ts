import { measureReports } from './reports';
measureReports().then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });
