// Generated from specs/verisoul/openapi.yaml by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.
// @ts-nocheck: ajv's standalone code is plain JavaScript; the table at the end carries the types.
import type { ResponseValidator } from '../response-validator.js';
import { formats } from '../validator-runtime.js';

const validate_components_schemas_SessionsResponse = validate11;
const schema12 = {"type":"object","required":["request_id","sessions"],"properties":{"request_id":{"type":"string"},"sessions":{"type":"array","items":{"type":"string"}}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.request_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "request_id"},message:"must have required property '"+"request_id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.sessions === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sessions"},message:"must have required property '"+"sessions"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.request_id !== undefined){
if(typeof data.request_id !== "string"){
const err2 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.sessions !== undefined){
let data1 = data.sessions;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(typeof data1[i0] !== "string"){
const err3 = {instancePath:instancePath+"/sessions/" + i0,schemaPath:"#/properties/sessions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_AccountError = validate12;
const schema13 = {"type":"object","required":["statusCode","message"],"properties":{"message":{"type":"string"},"statusCode":{"type":"integer"}}};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.statusCode === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "statusCode"},message:"must have required property '"+"statusCode"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.message === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err2 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.statusCode !== undefined){
let data1 = data.statusCode;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
const err3 = {instancePath:instancePath+"/statusCode",schemaPath:"#/properties/statusCode/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

const validate_components_schemas_AccountResponse = validate13;
const schema14 = {"type":"object","properties":{"project_id":{"type":"string"},"request_id":{"type":"string"},"account":{"type":"object","properties":{"id":{"type":"string"},"email":{"type":"string"},"phone":{"type":"string"},"first_name":{"type":"string"},"last_name":{"type":"string"},"username":{"type":"string"},"expected_countries":{"type":"array","items":{"type":"string"}},"metadata":{"type":"object","additionalProperties":{}},"group":{"type":"string"}}},"num_sessions":{"type":"integer"},"first_seen":{"type":"string","format":"date-time"},"last_seen":{"type":"string","format":"date-time"},"last_session":{"type":"string"},"decision":{"type":"string"},"account_score":{"type":"number","format":"float"},"bot":{"type":"number","format":"float"},"multiple_accounts":{"type":"number","format":"float"},"risk_signals":{"type":"number","format":"float"},"accounts_linked":{"type":"integer"},"country":{"type":"string"},"countries":{"type":"array","items":{"type":"string"}},"lists":{"type":"array","items":{"type":"string"}},"unique_devices":{"type":"object","properties":{"1_day":{"type":"integer"},"7_day":{"type":"integer"}}},"unique_networks":{"type":"object","properties":{"1_day":{"type":"integer"},"7_day":{"type":"integer"}}},"email":{"type":"object","properties":{"email":{"type":"string"},"disposable":{"type":"boolean"},"personal":{"type":"boolean"},"valid":{"type":"boolean"},"domain_type":{"type":"string","enum":["relay","personal","disposable","business","government","education","invalid","not_active"]},"email_score":{"type":"number","format":"float"},"trust_signals":{"type":"array","items":{"type":"string"}},"risk_signals":{"type":"array","items":{"type":"string"}},"num_account_from_domain":{"type":"integer"}}},"risk_signal_average":{"type":"object","properties":{"device_risk":{"type":"number","format":"float"},"proxy":{"type":"number","format":"float"},"vpn":{"type":"number","format":"float"},"datacenter":{"type":"number","format":"float"},"tor":{"type":"number","format":"float"},"spoofed_ip":{"type":"number","format":"float"},"recent_fraud_ip":{"type":"number","format":"float"},"impossible_travel":{"type":"number","format":"float"},"device_network_mismatch":{"type":"number","format":"float"},"location_spoofing":{"type":"number","format":"float"}}}}};
const formats0 = formats["date-time"];
const formats4 = formats["float"];

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.project_id !== undefined){
if(typeof data.project_id !== "string"){
const err0 = {instancePath:instancePath+"/project_id",schemaPath:"#/properties/project_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.request_id !== undefined){
if(typeof data.request_id !== "string"){
const err1 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.account !== undefined){
let data2 = data.account;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.id !== undefined){
if(typeof data2.id !== "string"){
const err2 = {instancePath:instancePath+"/account/id",schemaPath:"#/properties/account/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data2.email !== undefined){
if(typeof data2.email !== "string"){
const err3 = {instancePath:instancePath+"/account/email",schemaPath:"#/properties/account/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data2.phone !== undefined){
if(typeof data2.phone !== "string"){
const err4 = {instancePath:instancePath+"/account/phone",schemaPath:"#/properties/account/properties/phone/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.first_name !== undefined){
if(typeof data2.first_name !== "string"){
const err5 = {instancePath:instancePath+"/account/first_name",schemaPath:"#/properties/account/properties/first_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.last_name !== undefined){
if(typeof data2.last_name !== "string"){
const err6 = {instancePath:instancePath+"/account/last_name",schemaPath:"#/properties/account/properties/last_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.username !== undefined){
if(typeof data2.username !== "string"){
const err7 = {instancePath:instancePath+"/account/username",schemaPath:"#/properties/account/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.expected_countries !== undefined){
let data9 = data2.expected_countries;
if(Array.isArray(data9)){
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
if(typeof data9[i0] !== "string"){
const err8 = {instancePath:instancePath+"/account/expected_countries/" + i0,schemaPath:"#/properties/account/properties/expected_countries/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/account/expected_countries",schemaPath:"#/properties/account/properties/expected_countries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.metadata !== undefined){
let data11 = data2.metadata;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
}
else {
const err10 = {instancePath:instancePath+"/account/metadata",schemaPath:"#/properties/account/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.group !== undefined){
if(typeof data2.group !== "string"){
const err11 = {instancePath:instancePath+"/account/group",schemaPath:"#/properties/account/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/account",schemaPath:"#/properties/account/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.num_sessions !== undefined){
let data13 = data.num_sessions;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err13 = {instancePath:instancePath+"/num_sessions",schemaPath:"#/properties/num_sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.first_seen !== undefined){
let data14 = data.first_seen;
if(typeof data14 === "string"){
if(!(formats0.validate(data14))){
const err14 = {instancePath:instancePath+"/first_seen",schemaPath:"#/properties/first_seen/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/first_seen",schemaPath:"#/properties/first_seen/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.last_seen !== undefined){
let data15 = data.last_seen;
if(typeof data15 === "string"){
if(!(formats0.validate(data15))){
const err16 = {instancePath:instancePath+"/last_seen",schemaPath:"#/properties/last_seen/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/last_seen",schemaPath:"#/properties/last_seen/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.last_session !== undefined){
if(typeof data.last_session !== "string"){
const err18 = {instancePath:instancePath+"/last_session",schemaPath:"#/properties/last_session/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.decision !== undefined){
if(typeof data.decision !== "string"){
const err19 = {instancePath:instancePath+"/decision",schemaPath:"#/properties/decision/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.account_score !== undefined){
let data18 = data.account_score;
if(typeof data18 == "number"){
if(!(formats4.validate(data18))){
const err20 = {instancePath:instancePath+"/account_score",schemaPath:"#/properties/account_score/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/account_score",schemaPath:"#/properties/account_score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.bot !== undefined){
let data19 = data.bot;
if(typeof data19 == "number"){
if(!(formats4.validate(data19))){
const err22 = {instancePath:instancePath+"/bot",schemaPath:"#/properties/bot/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/bot",schemaPath:"#/properties/bot/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.multiple_accounts !== undefined){
let data20 = data.multiple_accounts;
if(typeof data20 == "number"){
if(!(formats4.validate(data20))){
const err24 = {instancePath:instancePath+"/multiple_accounts",schemaPath:"#/properties/multiple_accounts/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/multiple_accounts",schemaPath:"#/properties/multiple_accounts/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.risk_signals !== undefined){
let data21 = data.risk_signals;
if(typeof data21 == "number"){
if(!(formats4.validate(data21))){
const err26 = {instancePath:instancePath+"/risk_signals",schemaPath:"#/properties/risk_signals/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/risk_signals",schemaPath:"#/properties/risk_signals/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.accounts_linked !== undefined){
let data22 = data.accounts_linked;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err28 = {instancePath:instancePath+"/accounts_linked",schemaPath:"#/properties/accounts_linked/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.country !== undefined){
if(typeof data.country !== "string"){
const err29 = {instancePath:instancePath+"/country",schemaPath:"#/properties/country/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.countries !== undefined){
let data24 = data.countries;
if(Array.isArray(data24)){
const len1 = data24.length;
for(let i1=0; i1<len1; i1++){
if(typeof data24[i1] !== "string"){
const err30 = {instancePath:instancePath+"/countries/" + i1,schemaPath:"#/properties/countries/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/countries",schemaPath:"#/properties/countries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.lists !== undefined){
let data26 = data.lists;
if(Array.isArray(data26)){
const len2 = data26.length;
for(let i2=0; i2<len2; i2++){
if(typeof data26[i2] !== "string"){
const err32 = {instancePath:instancePath+"/lists/" + i2,schemaPath:"#/properties/lists/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/lists",schemaPath:"#/properties/lists/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.unique_devices !== undefined){
let data28 = data.unique_devices;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28["1_day"] !== undefined){
let data29 = data28["1_day"];
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
const err34 = {instancePath:instancePath+"/unique_devices/1_day",schemaPath:"#/properties/unique_devices/properties/1_day/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data28["7_day"] !== undefined){
let data30 = data28["7_day"];
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
const err35 = {instancePath:instancePath+"/unique_devices/7_day",schemaPath:"#/properties/unique_devices/properties/7_day/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/unique_devices",schemaPath:"#/properties/unique_devices/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.unique_networks !== undefined){
let data31 = data.unique_networks;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31["1_day"] !== undefined){
let data32 = data31["1_day"];
if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){
const err37 = {instancePath:instancePath+"/unique_networks/1_day",schemaPath:"#/properties/unique_networks/properties/1_day/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data31["7_day"] !== undefined){
let data33 = data31["7_day"];
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
const err38 = {instancePath:instancePath+"/unique_networks/7_day",schemaPath:"#/properties/unique_networks/properties/7_day/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/unique_networks",schemaPath:"#/properties/unique_networks/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.email !== undefined){
let data34 = data.email;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.email !== undefined){
if(typeof data34.email !== "string"){
const err40 = {instancePath:instancePath+"/email/email",schemaPath:"#/properties/email/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data34.disposable !== undefined){
if(typeof data34.disposable !== "boolean"){
const err41 = {instancePath:instancePath+"/email/disposable",schemaPath:"#/properties/email/properties/disposable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data34.personal !== undefined){
if(typeof data34.personal !== "boolean"){
const err42 = {instancePath:instancePath+"/email/personal",schemaPath:"#/properties/email/properties/personal/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data34.valid !== undefined){
if(typeof data34.valid !== "boolean"){
const err43 = {instancePath:instancePath+"/email/valid",schemaPath:"#/properties/email/properties/valid/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data34.domain_type !== undefined){
let data39 = data34.domain_type;
if(typeof data39 !== "string"){
const err44 = {instancePath:instancePath+"/email/domain_type",schemaPath:"#/properties/email/properties/domain_type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(!((((((((data39 === "relay") || (data39 === "personal")) || (data39 === "disposable")) || (data39 === "business")) || (data39 === "government")) || (data39 === "education")) || (data39 === "invalid")) || (data39 === "not_active"))){
const err45 = {instancePath:instancePath+"/email/domain_type",schemaPath:"#/properties/email/properties/domain_type/enum",keyword:"enum",params:{allowedValues: schema14.properties.email.properties.domain_type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data34.email_score !== undefined){
let data40 = data34.email_score;
if(typeof data40 == "number"){
if(!(formats4.validate(data40))){
const err46 = {instancePath:instancePath+"/email/email_score",schemaPath:"#/properties/email/properties/email_score/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/email/email_score",schemaPath:"#/properties/email/properties/email_score/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data34.trust_signals !== undefined){
let data41 = data34.trust_signals;
if(Array.isArray(data41)){
const len3 = data41.length;
for(let i3=0; i3<len3; i3++){
if(typeof data41[i3] !== "string"){
const err48 = {instancePath:instancePath+"/email/trust_signals/" + i3,schemaPath:"#/properties/email/properties/trust_signals/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/email/trust_signals",schemaPath:"#/properties/email/properties/trust_signals/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data34.risk_signals !== undefined){
let data43 = data34.risk_signals;
if(Array.isArray(data43)){
const len4 = data43.length;
for(let i4=0; i4<len4; i4++){
if(typeof data43[i4] !== "string"){
const err50 = {instancePath:instancePath+"/email/risk_signals/" + i4,schemaPath:"#/properties/email/properties/risk_signals/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/email/risk_signals",schemaPath:"#/properties/email/properties/risk_signals/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data34.num_account_from_domain !== undefined){
let data45 = data34.num_account_from_domain;
if(!((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45)))){
const err52 = {instancePath:instancePath+"/email/num_account_from_domain",schemaPath:"#/properties/email/properties/num_account_from_domain/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/email",schemaPath:"#/properties/email/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.risk_signal_average !== undefined){
let data46 = data.risk_signal_average;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
if(data46.device_risk !== undefined){
let data47 = data46.device_risk;
if(typeof data47 == "number"){
if(!(formats4.validate(data47))){
const err54 = {instancePath:instancePath+"/risk_signal_average/device_risk",schemaPath:"#/properties/risk_signal_average/properties/device_risk/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/risk_signal_average/device_risk",schemaPath:"#/properties/risk_signal_average/properties/device_risk/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data46.proxy !== undefined){
let data48 = data46.proxy;
if(typeof data48 == "number"){
if(!(formats4.validate(data48))){
const err56 = {instancePath:instancePath+"/risk_signal_average/proxy",schemaPath:"#/properties/risk_signal_average/properties/proxy/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/risk_signal_average/proxy",schemaPath:"#/properties/risk_signal_average/properties/proxy/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data46.vpn !== undefined){
let data49 = data46.vpn;
if(typeof data49 == "number"){
if(!(formats4.validate(data49))){
const err58 = {instancePath:instancePath+"/risk_signal_average/vpn",schemaPath:"#/properties/risk_signal_average/properties/vpn/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/risk_signal_average/vpn",schemaPath:"#/properties/risk_signal_average/properties/vpn/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data46.datacenter !== undefined){
let data50 = data46.datacenter;
if(typeof data50 == "number"){
if(!(formats4.validate(data50))){
const err60 = {instancePath:instancePath+"/risk_signal_average/datacenter",schemaPath:"#/properties/risk_signal_average/properties/datacenter/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/risk_signal_average/datacenter",schemaPath:"#/properties/risk_signal_average/properties/datacenter/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data46.tor !== undefined){
let data51 = data46.tor;
if(typeof data51 == "number"){
if(!(formats4.validate(data51))){
const err62 = {instancePath:instancePath+"/risk_signal_average/tor",schemaPath:"#/properties/risk_signal_average/properties/tor/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/risk_signal_average/tor",schemaPath:"#/properties/risk_signal_average/properties/tor/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data46.spoofed_ip !== undefined){
let data52 = data46.spoofed_ip;
if(typeof data52 == "number"){
if(!(formats4.validate(data52))){
const err64 = {instancePath:instancePath+"/risk_signal_average/spoofed_ip",schemaPath:"#/properties/risk_signal_average/properties/spoofed_ip/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/risk_signal_average/spoofed_ip",schemaPath:"#/properties/risk_signal_average/properties/spoofed_ip/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data46.recent_fraud_ip !== undefined){
let data53 = data46.recent_fraud_ip;
if(typeof data53 == "number"){
if(!(formats4.validate(data53))){
const err66 = {instancePath:instancePath+"/risk_signal_average/recent_fraud_ip",schemaPath:"#/properties/risk_signal_average/properties/recent_fraud_ip/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
else {
const err67 = {instancePath:instancePath+"/risk_signal_average/recent_fraud_ip",schemaPath:"#/properties/risk_signal_average/properties/recent_fraud_ip/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data46.impossible_travel !== undefined){
let data54 = data46.impossible_travel;
if(typeof data54 == "number"){
if(!(formats4.validate(data54))){
const err68 = {instancePath:instancePath+"/risk_signal_average/impossible_travel",schemaPath:"#/properties/risk_signal_average/properties/impossible_travel/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/risk_signal_average/impossible_travel",schemaPath:"#/properties/risk_signal_average/properties/impossible_travel/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data46.device_network_mismatch !== undefined){
let data55 = data46.device_network_mismatch;
if(typeof data55 == "number"){
if(!(formats4.validate(data55))){
const err70 = {instancePath:instancePath+"/risk_signal_average/device_network_mismatch",schemaPath:"#/properties/risk_signal_average/properties/device_network_mismatch/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/risk_signal_average/device_network_mismatch",schemaPath:"#/properties/risk_signal_average/properties/device_network_mismatch/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data46.location_spoofing !== undefined){
let data56 = data46.location_spoofing;
if(typeof data56 == "number"){
if(!(formats4.validate(data56))){
const err72 = {instancePath:instancePath+"/risk_signal_average/location_spoofing",schemaPath:"#/properties/risk_signal_average/properties/location_spoofing/format",keyword:"format",params:{format: "float"},message:"must match format \""+"float"+"\""};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/risk_signal_average/location_spoofing",schemaPath:"#/properties/risk_signal_average/properties/location_spoofing/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/risk_signal_average",schemaPath:"#/properties/risk_signal_average/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

/** Each operation's response validators, by status as the spec writes it. */
export const responseValidators: {
  readonly getAccountSessions: { readonly "200": ResponseValidator; readonly "400": ResponseValidator; };
  readonly getAccount: { readonly "200": ResponseValidator; readonly "400": ResponseValidator; };
} = {
  getAccountSessions: { "200": validate_components_schemas_SessionsResponse, "400": validate_components_schemas_AccountError },
  getAccount: { "200": validate_components_schemas_AccountResponse, "400": validate_components_schemas_AccountError },
};
